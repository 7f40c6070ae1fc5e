package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.RULE_REFUSED;

/**
 * The music-video rule, in one place: a music video gets its own ISRC and links to the audio recording it shows
 * ({@code audioIsrc}). Only a video has that link, and it names an audio recording, never another video. A video
 * without the link is accepted (its audio may not be registered here); the compliance report lists it as the signal
 * {@code VIDEO_WITHOUT_AUDIO_LINK} (projections' {@code ComplianceQueries}, by {@link #linksToAudio}).
 */
public final class MusicVideo {

    private MusicVideo() {
    }

    /** Whether a recording of this kind links to the audio recording it shows: only a music video does. */
    public static boolean linksToAudio(RecordingKind kind) {
        return kind == RecordingKind.VIDEO;
    }

    static void checkLink(RecordingKind kind, Isrc audioIsrc) {
        if (audioIsrc != null && !linksToAudio(kind)) {
            throw new RegistryRuleException(RULE_REFUSED, "audioIsrc",
                    "only a music video points at an audio recording; this recording's kind is " + kind,
                    "Leave audioIsrc out, or set kind to VIDEO if this is the music video.");
        }
    }

    /** The recording a music video links to is an audio recording. */
    static void checkLinkedRecording(Isrc audioIsrc, RecordingKind linkedKind) {
        if (linkedKind != RecordingKind.AUDIO) {
            throw new RegistryRuleException(RULE_REFUSED, "audioIsrc",
                    audioIsrc.display() + " is a " + linkedKind + ", not an audio recording",
                    "Point the music video at the ISRC of its audio recording.");
        }
    }
}
