package org.isrcregistry.bench;

import java.util.ArrayList;
import java.util.List;

/** The harness's prefix codes: {@code QZ} (a US ISRC prefix) + a letter per purpose + two base-36 characters. */
final class Prefixes {

    private Prefixes() {
    }

    static List<String> codes(char letter, int count) {
        if (count > 36 * 36) {
            throw new IllegalArgumentException("At most " + 36 * 36 + " prefixes per letter");
        }
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add("QZ" + letter + base36(i / 36) + base36(i % 36));
        }
        return codes;
    }

    private static char base36(int digit) {
        return Character.toUpperCase(Character.forDigit(digit, 36));
    }
}
