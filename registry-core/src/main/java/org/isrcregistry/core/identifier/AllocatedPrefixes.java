package org.isrcregistry.core.identifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ISRC prefixes allocated by the ISRC Registration Authority (IFPI), active and retired, read
 * once from the classpath resource {@code isrc-prefixes.csv}
 * (columns prefix,agency_code,agency,territory,status,since_or_retired).
 */
public final class AllocatedPrefixes {

    /** The date of the IFPI list the resource was taken from. */
    public static final String LIST_DATE = "2025-11-04";

    private static final String RESOURCE = "/isrc-prefixes.csv";
    private static final Pattern COMMA_OUTSIDE_QUOTES = Pattern.compile(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
    private static final Map<String, AllocatedPrefix> BY_PREFIX = load();

    private AllocatedPrefixes() {
    }

    /** True for active and retired prefixes: codes under a retired prefix stay valid forever. */
    public static boolean isAllocated(String twoLetters) {
        return find(twoLetters).isPresent();
    }

    public static boolean isRetired(String twoLetters) {
        return find(twoLetters).map(AllocatedPrefix::retired).orElse(false);
    }

    /** The prefix, case-insensitively. */
    public static Optional<AllocatedPrefix> find(String twoLetters) {
        return twoLetters == null
                ? Optional.empty()
                : Optional.ofNullable(BY_PREFIX.get(twoLetters.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every allocated prefix, in alphabetical order. */
    public static Collection<AllocatedPrefix> all() {
        return BY_PREFIX.values();
    }

    private static Map<String, AllocatedPrefix> load() {
        InputStream stream = AllocatedPrefixes.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
        }
        Map<String, AllocatedPrefix> prefixes = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).map(AllocatedPrefixes::prefix).forEach(prefix -> {
                if (prefixes.put(prefix.prefix(), prefix) != null) {
                    throw new IllegalStateException(RESOURCE + " lists " + prefix.prefix() + " twice");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(prefixes);
    }

    private static AllocatedPrefix prefix(String line) {
        String[] fields = COMMA_OUTSIDE_QUOTES.split(line.strip(), -1);
        if (fields.length != 6 || !fields[0].matches("[A-Z]{2}")) {
            throw new IllegalStateException(RESOURCE + ": malformed line: " + line);
        }
        boolean retired = switch (fields[4]) {
            case "active" -> false;
            case "retired" -> true;
            default -> throw new IllegalStateException(RESOURCE + ": unknown status in line: " + line);
        };
        return new AllocatedPrefix(fields[0], unquoted(fields[1]), unquoted(fields[2]), unquoted(fields[3]), retired);
    }

    private static String unquoted(String field) {
        return field.startsWith("\"") && field.endsWith("\"") && field.length() > 1
                ? field.substring(1, field.length() - 1).replace("\"\"", "\"")
                : field;
    }
}
