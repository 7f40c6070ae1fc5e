package org.isrcregistry.core.recording;

import java.time.LocalDate;
import java.util.List;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.input.Dates;

/**
 * The fields a correction changes: a null field keeps the recording's value, a blank version title removes it. The
 * recording applies it to its own current metadata, so concurrent corrections of different fields both stay.
 */
public record MetadataCorrection(
        String title,
        String versionTitle,
        String mainArtist,
        List<Contributor> contributors,
        RecordingDuration duration,
        RecordingKind kind,
        LocalDate firstPublished) {

    /** The texts are checked when applied, in the corrected metadata; the date already here. */
    public MetadataCorrection {
        Dates.inRange(firstPublished, "firstPublished");
    }

    /** Every field replaced by the given metadata's (a date of first publication is never removed). */
    public static MetadataCorrection replacingWith(RecordingMetadata metadata) {
        return new MetadataCorrection(metadata.title(), metadata.versionTitle() == null ? "" : metadata.versionTitle(),
                metadata.mainArtist(), metadata.contributors(), metadata.duration(), metadata.kind(),
                metadata.firstPublished());
    }

    RecordingMetadata appliedTo(RecordingMetadata current) {
        return new RecordingMetadata(
                title != null ? title : current.title(),
                versionTitle != null ? versionTitle : current.versionTitle(),
                mainArtist != null ? mainArtist : current.mainArtist(),
                contributors != null ? contributors : current.contributors(),
                duration != null ? duration : current.duration(),
                kind != null ? kind : current.kind(),
                firstPublished != null ? firstPublished : current.firstPublished());
    }
}
