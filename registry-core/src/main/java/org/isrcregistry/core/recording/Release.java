package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.ReleaseCode;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.isrcregistry.core.recording.Require.present;
import static org.isrcregistry.core.recording.Require.text;

/**
 * A release the recording appears on, identified by its UPC or EAN (never by an ISRC). Territories
 * are ISO 3166 codes; none given means not stated.
 */
public record Release(ReleaseCode code, String title, String format, Set<String> territories) {

    public Release {
        present(code, "release code");
        title = text(title, "release title");
        format = text(format, "release format");
        territories = territories == null ? Set.of()
                : territories.stream().map(t -> text(t, "territory").toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }
}
