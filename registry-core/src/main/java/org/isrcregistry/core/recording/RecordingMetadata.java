package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.input.Dates;
import org.isrcregistry.core.input.Text;

import java.time.LocalDate;
import java.util.List;

import static org.isrcregistry.core.recording.Require.present;

/**
 * IFPI's minimum metadata for an ISRC: main artist, title, version title, duration, content type and
 * date of first publication (null while unpublished), plus the contributors and their roles.
 */
public record RecordingMetadata(
        String title,
        String versionTitle,
        String mainArtist,
        List<Contributor> contributors,
        RecordingDuration duration,
        RecordingKind kind,
        LocalDate firstPublished) {

    /** Two recordings whose durations differ by less than this may be the same recording. */
    public static final long DUPLICATE_DURATION_TOLERANCE_MILLIS = 2_000;

    public RecordingMetadata {
        title = Text.line(title, "title", Text.TITLE);
        versionTitle = Text.optionalLine(versionTitle, "versionTitle", Text.TITLE);
        mainArtist = Text.line(mainArtist, "mainArtist", Text.TITLE);
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
        present(duration, "duration");
        present(kind, "kind");
        Dates.inRange(firstPublished, "firstPublished");
    }

    /**
     * The key under which possible duplicates are looked up: normalised main artist, title and
     * version title, and the kind. The durations must also be within
     * {@link #DUPLICATE_DURATION_TOLERANCE_MILLIS}.
     */
    public String matchKey() {
        return String.join("\u001f", MatchingText.normalise(mainArtist), MatchingText.normalise(title),
                MatchingText.normalise(versionTitle), kind.name());
    }

    public boolean possibleDuplicateOf(RecordingMetadata other) {
        return matchKey().equals(other.matchKey())
                && Math.abs(duration.differenceMillis(other.duration)) <= DUPLICATE_DURATION_TOLERANCE_MILLIS;
    }
}
