package org.isrcregistry.core.testing;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.DesignationOrigin;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.DesignationTaken;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.Contributor;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Test data: prefix CA-K7Q allocated to the registrant REGISTRANT, recordings assigned in 2026. */
public final class Samples {

    public static final PrefixCode PREFIX = PrefixCode.parse("CAK7Q");
    public static final RegistrantId REGISTRANT = RegistrantId.parse("5f0c2a1e-8d3b-4c6e-9a7f-2b1d0e4c3a58");
    public static final RegistrantId OTHER_REGISTRANT = RegistrantId.parse("9b7e6d5c-4a3b-4f2e-8d1c-0a9b8c7d6e5f");
    public static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-03-14T12:00:00Z"), ZoneOffset.UTC);
    public static final String OWNER = "Disques Nordet";

    private Samples() {
    }

    public static Isrc isrc(int year, int designation) {
        return Isrc.of(PREFIX, year, designation);
    }

    public static Isrc isrc26(int designation) {
        return isrc(26, designation);
    }

    public static PrefixRegistered prefixRegistered() {
        return new PrefixRegistered(PREFIX, DesignationRange.full());
    }

    public static DesignationTaken assigned(Isrc isrc) {
        return new DesignationTaken(PREFIX, isrc, DesignationOrigin.ASSIGNED);
    }

    public static RecordingMetadata metadata(String title, int seconds) {
        return new RecordingMetadata(title, null, "Ariane Tremblay",
                List.of(new Contributor("Ariane Tremblay", "Vocals")),
                RecordingDuration.ofMillis(seconds * 1000L), RecordingKind.AUDIO, LocalDate.of(2026, 2, 1));
    }

    public static RecordingMetadata song() {
        return metadata("Les saisons", 198);
    }

    public static RecordingMetadata video() {
        RecordingMetadata song = song();
        return new RecordingMetadata(song.title(), "Official video", song.mainArtist(), song.contributors(),
                song.duration(), RecordingKind.VIDEO, song.firstPublished());
    }

    public static RecordingDetails details(RecordingMetadata metadata) {
        return new RecordingDetails(metadata, OWNER, null, null, null);
    }

    public static RecordingDetails details(RecordingMetadata metadata, AudioFingerprint fingerprint) {
        return new RecordingDetails(metadata, OWNER, null, fingerprint, null);
    }

    public static AudioFingerprint fingerprint(char digit) {
        return AudioFingerprint.of(String.valueOf(digit).repeat(64));
    }

    public static IsrcAssigned recordingAssigned(Isrc isrc, RecordingDetails details) {
        return new IsrcAssigned(isrc, details, null, null);
    }
}
