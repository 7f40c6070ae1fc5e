package org.isrcregistry.core.recording;

import org.isrcregistry.core.rule.RegistryRuleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

/** The rule's own cases; the link to a registered audio recording is proved through the prefix (IsrcAssignmentTest). */
class MusicVideoTest {

    @Test
    void onlyAMusicVideoLinksToAnAudioRecording() {
        assertThatThrownBy(() -> new RecordingDetails(song(), OWNER, null, null, isrc26(0)))
                .isInstanceOfSatisfying(RegistryRuleException.class, refusal -> assertThat(refusal)
                        .matches(refused(RegistryRuleException.Kind.RULE_REFUSED,
                                "only a music video points at an audio recording; this recording's kind is AUDIO")::matches)
                        .extracting(RegistryRuleException::field).isEqualTo("audioIsrc"));
        assertThat(new RecordingDetails(video(), OWNER, null, null, isrc26(0)).audioIsrc()).isEqualTo(isrc26(0));
    }

    @Test
    void theLinkedRecordingIsAudioNeverAnotherVideo() {
        MusicVideo.checkLinkedRecording(isrc26(0), RecordingKind.AUDIO);
        assertThatThrownBy(() -> MusicVideo.checkLinkedRecording(isrc26(0), RecordingKind.VIDEO))
                .isInstanceOfSatisfying(RegistryRuleException.class, refusal -> assertThat(refusal)
                        .matches(refused(RegistryRuleException.Kind.RULE_REFUSED,
                                "CA-K7Q-26-00000 is a VIDEO, not an audio recording")::matches));
    }

    @Test
    void aVideoWithoutItsAudioLinkIsAccepted() {
        assertThat(new RecordingDetails(video(), OWNER, null, null, null).audioIsrc()).isNull();
    }
}
