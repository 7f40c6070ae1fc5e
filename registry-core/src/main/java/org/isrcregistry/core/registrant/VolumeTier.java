package org.isrcregistry.core.registrant;

/** An ISRC Manager's tier (the US ISRC Agency's terms): how many codes a year it may assign for its clients. */
public enum VolumeTier {
    /** Up to 10,000 codes a year unless the agency agreed otherwise. */
    LOW_VOLUME(10_000),
    /** No cap unless the agency set one. */
    HIGH_VOLUME(null);

    private final Integer defaultYearlyCap;

    VolumeTier(Integer defaultYearlyCap) {
        this.defaultYearlyCap = defaultYearlyCap;
    }

    public Integer defaultYearlyCap() {
        return defaultYearlyCap;
    }
}
