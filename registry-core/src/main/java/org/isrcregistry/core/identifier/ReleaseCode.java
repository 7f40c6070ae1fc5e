package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A code that identifies a release (not a recording): a {@link Upc} (GTIN-12) or an {@link Ean}
 * (GTIN-13).
 */
public sealed interface ReleaseCode permits Upc, Ean {

    /** The digits, e.g. {@code 036000291452}. */
    @JsonValue
    String value();

    /** "UPC" or "EAN". */
    String kind();

    /** Reads a UPC (12 digits) or an EAN (13 digits), spaces and hyphens ignored. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ReleaseCode parse(String input) {
        String layout = "a UPC is 12 digits and an EAN 13 digits";
        String digits = Gtin.digits("UPC/EAN", input, layout);
        return switch (digits.length()) {
            case 12 -> Upc.parse(input);
            case 13 -> Ean.parse(input);
            default -> throw new InvalidIdentifierException("UPC/EAN", input, Gtin.PART_DIGITS, 0,
                    "has " + digits.length() + " digits; " + layout + ": check for a missing or extra digit");
        };
    }
}
