package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import org.isrcregistry.core.identifier.PartedCode.Part;

/**
 * The 5-character ISRC prefix code {@code CC XXX}: the allocated country code and the registrant code
 * (3 characters A-Z or 0-9) that a national agency gives a registrant (IFPI ISRC Handbook, 4.3).
 * Stored as {@code CAK7Q}, shown as {@code CA-K7Q}.
 */
public final class PrefixCode implements Comparable<PrefixCode> {

    static final String IDENTIFIER = "prefix code";
    private static final PartedCode SYNTAX = new PartedCode(IDENTIFIER, "a prefix code", Part.CC, Part.XXX);
    private static final PartedCode REGISTRANT_CODE = new PartedCode(IDENTIFIER, "a registrant code", Part.XXX);

    private final CountryCode countryCode;
    private final String registrantCode;

    PrefixCode(CountryCode countryCode, String registrantCode) {
        this.countryCode = Objects.requireNonNull(countryCode, "countryCode");
        this.registrantCode = registrantCode;
    }

    /** Reads {@code CA-K7Q} or {@code CAK7Q}, in any case, with surrounding whitespace. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PrefixCode parse(String input) {
        List<PartedCode.Field> fields = SYNTAX.read(input);
        return new PrefixCode(CountryCode.allocated(fields.get(0), IDENTIFIER, input), fields.get(1).value());
    }

    public static PrefixCode of(CountryCode countryCode, String registrantCode) {
        return new PrefixCode(countryCode, REGISTRANT_CODE.read(registrantCode).get(0).value());
    }

    public CountryCode countryCode() {
        return countryCode;
    }

    public String registrantCode() {
        return registrantCode;
    }

    @JsonValue
    public String value() {
        return countryCode.value() + registrantCode;
    }

    public String display() {
        return countryCode.value() + "-" + registrantCode;
    }

    @Override
    public int compareTo(PrefixCode other) {
        return value().compareTo(other.value());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrefixCode that && value().equals(that.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
