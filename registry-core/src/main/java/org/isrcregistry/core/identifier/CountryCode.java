package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.isrcregistry.core.identifier.PartedCode.Part;

/**
 * The two prefix letters {@code CC} that start an ISRC: A-Z, allocated by the ISRC Registration
 * Authority (IFPI list "Valid Characters in the ISRC Prefix", see {@link AllocatedPrefixes}). Retired
 * prefixes are accepted: codes issued under them stay valid forever.
 */
public final class CountryCode {

    private static final PartedCode SYNTAX = new PartedCode("country code", "a country code", Part.CC);

    private final String value;
    private final boolean retired;

    private CountryCode(AllocatedPrefix prefix) {
        this.value = prefix.prefix();
        this.retired = prefix.retired();
    }

    /** Reads two letters in any case, with surrounding whitespace. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CountryCode parse(String input) {
        List<PartedCode.Field> fields = SYNTAX.read(input);
        return allocated(fields.get(0), "country code", input);
    }

    /** The country code of {@code field}, read from {@code input} as part of {@code identifier}. */
    static CountryCode allocated(PartedCode.Field field, String identifier, String input) {
        return AllocatedPrefixes.find(field.value()).map(CountryCode::new).orElseThrow(() ->
                new UnallocatedPrefixException(identifier, input, Part.CC.symbol(), field.position(),
                        field.value() + " at position " + field.position() + " is not an allocated ISRC prefix (IFPI list of "
                                + AllocatedPrefixes.LIST_DATE + "); check the code with its registrant"));
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean retired() {
        return retired;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CountryCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
