package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.isrcregistry.core.identifier.IdentifierArbitraries.joined;
import static org.isrcregistry.core.identifier.IdentifierArbitraries.parts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class IsrcRejectionTest {

    private static final List<String> PART_NAMES = List.of("CC", "XXX", "YY", "NNNNN");

    @Provide
    Arbitrary<Isrc> isrcs() {
        return IdentifierArbitraries.isrcs();
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(IdentifierArbitraries.SEPARATORS);
    }

    @Provide
    Arbitrary<String> realSeparators() {
        return separators().filter(separator -> !separator.isEmpty());
    }

    @Provide
    Arbitrary<String> notSeparators() {
        return Arbitraries.of("_", "/", ".");
    }

    @Provide
    Arbitrary<String> leadIns() {
        return Arbitraries.of("", "  ", "ISRC ", "isrc: ");
    }

    @Property
    void aCodeWithCharactersMissingIsRefusedForItsLength(@ForAll("isrcs") Isrc isrc,
            @ForAll @IntRange(min = 1, max = 11) int missing, @ForAll @IntRange(min = 0, max = 11) int from) {
        String value = isrc.value();
        int start = Math.min(from, 12 - missing);
        String written = value.substring(0, start) + value.substring(start + missing);

        InvalidIdentifierException error = refusal(written);

        assertThat(error.part()).isEqualTo("code");
        assertThat(error.position()).isZero();
        assertThat(error.reason()).startsWith("has " + (12 - missing) + " character").contains("an ISRC is 12 characters");
    }

    @Property
    void aCharacterOutsideItsPartsAlphabetIsRefusedWithThePartAndPosition(@ForAll("isrcs") Isrc isrc,
            @ForAll @IntRange(min = 0, max = 3) int part, @ForAll @IntRange(min = 0, max = 4) int offset,
            @ForAll @From("leadIns") String leadIn, @ForAll @From("separators") String separator,
            @ForAll("badCharacters") char bad) {
        List<String> parts = new ArrayList<>(parts(isrc));
        String target = parts.get(part);
        int at = offset % target.length();
        Assume.that(!fitsPart(part, bad));
        parts.set(part, target.substring(0, at) + bad + target.substring(at + 1));
        String written = leadIn + joined(parts, Collections.nCopies(3, separator));
        int position = leadIn.length() + joined(parts.subList(0, part + 1), Collections.nCopies(3, separator)).length()
                - target.length() + at + 1;

        InvalidIdentifierException error = refusal(written);

        assertThat(error.part()).isEqualTo(PART_NAMES.get(part));
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.getMessage()).contains("at position " + position + " is not a");
    }

    @Provide
    Arbitrary<Character> badCharacters() {
        return Arbitraries.of('A', 'O', 'z', '0', '9', '_', '/', '.', '#', '*', 'É', 'ß', '\u00A0');
    }

    private static boolean fitsPart(int part, char c) {
        boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        boolean digit = c >= '0' && c <= '9';
        return switch (part) {
            case 0 -> letter;
            case 1 -> letter || digit;
            default -> digit;
        };
    }

    @Property
    void differentSeparatorsAtTheBoundariesAreRefusedAtTheFirstThatDiffers(@ForAll("isrcs") Isrc isrc,
            @ForAll @From("realSeparators") String first, @ForAll @From("realSeparators") String other,
            @ForAll @IntRange(min = 1, max = 3) int pattern) {
        Assume.that(!first.equals(other));
        List<String> separators = List.of(first, (pattern & 1) != 0 ? other : first, (pattern & 2) != 0 ? other : first);
        String written = joined(parts(isrc), separators);
        int position = (pattern & 1) != 0 ? 7 : 10;

        InvalidIdentifierException error = refusal(written);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.reason()).contains("at position " + position + " differs from");
    }

    @Property
    void separatorsAtSomeBoundariesButNotOthersAreRefusedAtTheFirstMissingOne(@ForAll("isrcs") Isrc isrc,
            @ForAll @From("realSeparators") String separator, @ForAll @IntRange(min = 1, max = 6) int pattern) {
        List<String> separators = List.of((pattern & 1) != 0 ? separator : "", (pattern & 2) != 0 ? separator : "",
                (pattern & 4) != 0 ? separator : "");
        String written = joined(parts(isrc), separators);
        int missing = separators.indexOf("");
        int position = List.of(2, 5, 7).get(missing) + 1
                + (int) separators.subList(0, missing).stream().filter(s -> !s.isEmpty()).count();

        InvalidIdentifierException error = refusal(written);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.reason()).contains("some boundaries but not others").contains("at position " + position);
    }

    @Property
    void aDoubledSeparatorIsRefusedAtItsSecondCharacter(@ForAll("isrcs") Isrc isrc,
            @ForAll @From("realSeparators") String separator, @ForAll @From("realSeparators") String extra,
            @ForAll @IntRange(min = 0, max = 2) int boundary) {
        List<String> separators = new ArrayList<>(Collections.nCopies(3, separator));
        separators.set(boundary, separator + extra);
        String written = joined(parts(isrc), separators);
        int position = List.of(2, 5, 7).get(boundary) + boundary + 2;

        InvalidIdentifierException error = refusal(written);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.reason()).contains("at position " + position + " follows another separator");
    }

    @Property
    void underscoreSlashOrDotBetweenPartsIsRefusedAsASeparator(@ForAll("isrcs") Isrc isrc,
            @ForAll @From("notSeparators") String wrong, @ForAll @From("separators") String right,
            @ForAll @IntRange(min = 1, max = 7) int pattern, @ForAll @From("leadIns") String leadIn) {
        List<String> separators = List.of((pattern & 1) != 0 ? wrong : right, (pattern & 2) != 0 ? wrong : right,
                (pattern & 4) != 0 ? wrong : right);
        String written = leadIn + joined(parts(isrc), separators);
        int first = separators.indexOf(wrong);
        int position = leadIn.length() + List.of(2, 5, 7).get(first) + first * right.length() + 1;

        InvalidIdentifierException error = refusal(written);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.reason()).contains("'" + wrong + "' at position " + position + " is not an accepted separator");
    }

    @Property
    void textAfterTheCodeIsRefusedWhereItStarts(@ForAll("isrcs") Isrc isrc, @ForAll boolean displayed,
            @ForAll("trailingTexts") String trailing) {
        String code = displayed ? isrc.display() : isrc.value();

        InvalidIdentifierException error = refusal(code + trailing);

        assertThat(error.position()).isEqualTo(code.length() + 1);
        assertThat(error.reason()).contains("followed by text").contains("remove the text after it");
    }

    @Provide
    Arbitrary<String> trailingTexts() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars(" -,;/._")
                .ofMinLength(1).ofMaxLength(11)
                .filter(text -> !text.isBlank());
    }

    @Property
    void twoCodesRunTogetherAreRefusedAsSuch(@ForAll("isrcs") Isrc first, @ForAll("isrcs") Isrc second,
            @ForAll boolean displayed, @ForAll("joints") String joint) {
        String code = displayed ? first.display() : first.value();
        int position = code.length() + joint.length() + 1;

        InvalidIdentifierException error = refusal(code + joint + (displayed ? second.value() : second.display()));

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.reason()).contains("two ISRCs run together: a second one starts at position " + position);
    }

    @Provide
    Arbitrary<String> joints() {
        return Arbitraries.of("", " ", ", ", ";", "-", "/");
    }

    @Property
    void anUnallocatedPrefixIsRefusedAtTheCountryCode(@ForAll("isrcs") Isrc isrc,
            @ForAll("unallocatedPrefixes") String prefix, @ForAll @From("leadIns") String leadIn) {
        String written = leadIn + prefix + isrc.display().substring(2);

        InvalidIdentifierException error = refusal(written);

        assertThat(error.part()).isEqualTo("CC");
        assertThat(error.position()).isEqualTo(leadIn.length() + 1);
        assertThat(error.reason()).startsWith(prefix + " at position " + (leadIn.length() + 1)
                + " is not an allocated ISRC prefix (IFPI list of 2025-11-04)");
    }

    @Provide
    Arbitrary<String> unallocatedPrefixes() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).filter(cc -> !AllocatedPrefixes.isAllocated(cc));
    }

    @Property(tries = 3000)
    void anyInputIsEitherAnIsrcOrRefusedWithAPositionInsideIt(@ForAll("scribbles") String input) {
        ParseOutcome<Isrc> outcome = Isrc.check(input);

        if (outcome instanceof ParseOutcome.Invalid<Isrc> invalid) {
            assertThat(invalid.error().position()).isBetween(0, input.length());
            assertThat(invalid.error().reason()).isNotBlank();
        } else {
            assertThat(outcome.toOptional()).hasValueSatisfying(isrc -> assertThat(Isrc.parse(isrc.value())).isEqualTo(isrc));
        }
    }

    @Provide
    Arbitrary<String> scribbles() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("CAUSK7Q0123456789-_ /.:\u2013\tisrcISRC").ofMaxLength(30);
        Arbitrary<String> nearlyCodes = Combinators.combine(IdentifierArbitraries.isrcs(), noise, Arbitraries.integers().between(0, 15))
                .as((isrc, extra, at) -> {
                    String display = isrc.display();
                    int cut = Math.min(at, display.length());
                    return display.substring(0, cut) + extra.substring(0, Math.min(2, extra.length())) + display.substring(cut);
                });
        return Arbitraries.oneOf(noise, nearlyCodes);
    }

    @Example
    void aBadCharacterIsFoundBeforeATrailingSeparator() {
        assertThat(refusal("CA-K7Q-26-0000A-").position()).isEqualTo(15);
    }

    @Example
    void theHandbookExampleCodesAreRefused() {
        assertThat(Isrc.HANDBOOK_EXAMPLES).containsExactlyInAnyOrder("AA6Q72000047", "USS1Z9900001");
        assertThat(List.of("AA6Q72000047", "ISRC US-S1Z-99-00001", "ussz19900001".replace("sz1", "s1z")))
                .allSatisfy(example -> assertThat(refusal(example).reason())
                        .endsWith("is an example code from the ISRC handbook; it must never be issued or registered"));
    }

    @Example
    void theHandbookExampleCodesCannotBeBuiltEither() {
        InvalidIdentifierException error =
                catchThrowableOfType(InvalidIdentifierException.class, () -> Isrc.of(PrefixCode.parse("US-S1Z"), 99, 1));

        assertThat(error.reason()).contains("example code from the ISRC handbook");
    }

    @Example
    void aYearOfReferenceOutsideZeroToNinetyNineIsRefused() {
        assertThat(rejection(() -> Isrc.of(PrefixCode.parse("CAK7Q"), 2026, 1)).part()).isEqualTo("YY");
        assertThat(rejection(() -> Isrc.of(PrefixCode.parse("CAK7Q"), -1, 1)).part()).isEqualTo("YY");
    }

    @Example
    void aDesignationOutsideTheFiveDigitsIsRefused() {
        assertThat(rejection(() -> Isrc.of(PrefixCode.parse("CAK7Q"), 26, 100_000)).part()).isEqualTo("NNNNN");
        assertThat(rejection(() -> Isrc.of(PrefixCode.parse("CAK7Q"), 26, -1)).part()).isEqualTo("NNNNN");
    }

    @Example
    void theMessageNamesTheInputThePartThePositionAndTheRule() {
        InvalidIdentifierException error = refusal("CA-K7Q-26-0000A");

        assertThat(error.getMessage()).isEqualTo("ISRC \"CA-K7Q-26-0000A\": character 'A' at position 15 is not a digit; "
                + "the designation code (NNNNN) is 5 digits 0-9");
        assertThat(error.identifier()).isEqualTo("ISRC");
        assertThat(error.input()).isEqualTo("CA-K7Q-26-0000A");
        assertThat(error).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void aPartOfTheWrongLengthIsNamed() {
        InvalidIdentifierException error = refusal("CA-K7QQ-26-00001");

        assertThat(error.part()).isEqualTo("XXX");
        assertThat(error.position()).isEqualTo(4);
        assertThat(error.reason()).isEqualTo("the registrant code (XXX) 'K7QQ' at position 4 has 4 characters; "
                + "the registrant code (XXX) is 3 characters A-Z or 0-9");
    }

    @Example
    void twentyFourCharactersAreCalledTwoCodesEvenWhenTheFirstIsMalformed() {
        assertThat(refusal("CAK7Q260000AUSS1Z9900002").reason()).contains("looks like two ISRCs run together");
    }

    @Example
    void aLabelWithoutSpaceOrColonIsRefused() {
        assertThat(refusal("ISRC-CA-K7Q-26-00001").reason()).startsWith("the label ISRC must be followed by a space or a colon");
        assertThat(refusal("ISRCCAK7Q2600001").position()).isEqualTo(5);
    }

    @Example
    void emptyAndMissingInputsAreRefused() {
        assertThat(refusal("  ").reason()).startsWith("is empty");
        assertThat(refusal(null).reason()).startsWith("is empty");
        assertThat(refusal("ISRC: ").reason()).startsWith("is empty");
    }

    @Example
    void aLetterOInADigitPartIsPointedOut() {
        assertThat(refusal("CAK7Q26O0001").reason()).contains("(it is the letter O, not zero)");
    }

    @Example
    void aSeparatorBeforeTheCodeIsRefused() {
        assertThat(refusal("ISRC: -CA-K7Q-26-00001").position()).isEqualTo(7);
    }

    @Example
    void aSeparatorInsideAPartIsRefusedAtThatPart() {
        InvalidIdentifierException error = refusal("CAK-7Q2600001");

        assertThat(error.part()).isEqualTo("XXX");
        assertThat(error.position()).isEqualTo(4);
    }

    private static InvalidIdentifierException refusal(String input) {
        return rejection(() -> Isrc.parse(input));
    }

    private static InvalidIdentifierException rejection(ThrowingCallable call) {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, call);
        assertThat(error).as("refused").isNotNull();
        return error;
    }
}
