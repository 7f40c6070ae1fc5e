package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A European Article Number (GTIN-13) identifying a release: 13 digits, the last a GS1 mod-10 check digit.
 * Spaces and hyphens are ignored on entry.
 */
public record Ean(String value) implements ReleaseCode {

    private static final String LAYOUT = "an EAN is 13 digits (GTIN-13), the last a check digit";

    public Ean {
        value = Gtin.read("EAN", value, 13, LAYOUT);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Ean parse(String input) {
        return new Ean(input);
    }

    @Override
    public String kind() {
        return "EAN";
    }

    @Override
    public String toString() {
        return value;
    }
}
