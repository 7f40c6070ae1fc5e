package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A Universal Product Code (GTIN-12) identifying a release: 12 digits, the last a GS1 mod-10 check digit.
 * Spaces and hyphens are ignored on entry.
 */
public record Upc(String value) implements ReleaseCode {

    private static final String LAYOUT = "a UPC is 12 digits (GTIN-12), the last a check digit";

    public Upc {
        value = Gtin.read("UPC", value, 12, LAYOUT);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Upc parse(String input) {
        return new Upc(input);
    }

    @Override
    public String kind() {
        return "UPC";
    }

    @Override
    public String toString() {
        return value;
    }
}
