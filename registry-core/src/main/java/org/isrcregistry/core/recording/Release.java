package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.input.Text;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.isrcregistry.core.recording.Require.present;

/**
 * A release the recording appears on, identified by its UPC or EAN (never by an ISRC). Territories
 * are ISO 3166 codes; none given means not stated.
 */
public record Release(ReleaseCode code, String title, String format, Set<String> territories) {

    public Release {
        present(code, "release code");
        title = Text.line(title, "title", Text.TITLE);
        format = Text.line(format, "format", Text.LABEL);
        territories = territories == null ? Set.of()
                : territories.stream().map(t -> Text.line(t, "territories", Text.LABEL).toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }
}
