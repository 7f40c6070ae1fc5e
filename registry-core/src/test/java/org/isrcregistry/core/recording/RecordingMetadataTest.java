package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.RecordingDuration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.core.testing.Samples.*;

class RecordingMetadataTest {

    private static RecordingMetadata withVersion(RecordingMetadata metadata, String versionTitle, long millis) {
        return new RecordingMetadata(metadata.title(), versionTitle, metadata.mainArtist(), metadata.contributors(),
                RecordingDuration.ofMillis(millis), metadata.kind(), metadata.firstPublished());
    }

    @Test
    void sameNormalisedArtistAndTitlesWithinTwoSecondsIsAPossibleDuplicate() {
        RecordingMetadata original = withVersion(song(), "Radio Edit", 198_000);
        assertThat(withVersion(metadata("LES  SAISONS", 198), "radio édit", 200_000).possibleDuplicateOf(original))
                .isTrue();
    }

    @Test
    void durationsMoreThanTwoSecondsApartAreNotDuplicates() {
        assertThat(withVersion(song(), null, 200_001).possibleDuplicateOf(withVersion(song(), null, 198_000)))
                .isFalse();
    }

    @Test
    void anotherVersionTitleOrKindIsNotADuplicate() {
        assertThat(withVersion(song(), "Live", 198_000).possibleDuplicateOf(song())).isFalse();
        RecordingMetadata song = song();
        RecordingMetadata sameTitlesAsVideo = new RecordingMetadata(song.title(), song.versionTitle(),
                song.mainArtist(), song.contributors(), song.duration(), RecordingKind.VIDEO, song.firstPublished());
        assertThat(sameTitlesAsVideo.possibleDuplicateOf(song)).isFalse();
    }

    @Test
    void requiresTitleAndMainArtist() {
        assertThatThrownBy(() -> metadata(" ", 198)).hasMessageContaining("title is required");
    }
}
