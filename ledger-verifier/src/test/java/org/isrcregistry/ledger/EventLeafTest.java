package org.isrcregistry.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EventLeafTest {

    private static final byte[] PAYLOAD = "{\"isrc\":\"CAK7Q2600001\"}".getBytes(StandardCharsets.UTF_8);

    private static EventLeaf leaf(byte[] metadata, byte[] previous) {
        return EventLeaf.of("e-1", "Recording", "CAK7Q2600001", 3, "org.isrcregistry.core.recording.IsrcAssigned", "2",
                "2026-12-06T07:00:00.123Z", PAYLOAD, metadata, previous);
    }

    @Test
    void theEncodingIsTheDocumentedOneByteForByte() {
        byte[] encoded = EventLeaf.of("e", null, "A", 1, "T", null, "t", new byte[0], null, null).encode();
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("01" + "0000000165" + "00" + "0000000141"
                + "0000000000000001" + "0000000154" + "00" + "0000000174"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" + "00" + "00");
    }

    @Test
    void decodingGivesBackTheLeaf() {
        EventLeaf leaf = leaf("{}".getBytes(StandardCharsets.UTF_8), MerkleTree.leafHash(new byte[0]));
        assertThat(EventLeaf.decode(leaf.encode())).isEqualTo(leaf);
        EventLeaf first = leaf(null, null);
        assertThat(EventLeaf.decode(first.encode())).isEqualTo(first);
    }

    @Test
    void everyFieldChangesTheLeafHash() {
        byte[] hash = leaf(null, null).leafHash();
        assertThat(leaf(new byte[0], null).leafHash()).isNotEqualTo(hash);
        assertThat(leaf(null, MerkleTree.emptyRoot()).leafHash()).isNotEqualTo(hash);
        assertThat(EventLeaf.of("e-1", "Recording", "CAK7Q2600001", 3, "org.isrcregistry.core.recording.IsrcAssigned",
                "2", "2026-12-06T07:00:00.124Z", PAYLOAD, null, null).leafHash()).isNotEqualTo(hash);
        byte[] changed = PAYLOAD.clone();
        changed[2] ^= 1;
        assertThat(EventLeaf.of("e-1", "Recording", "CAK7Q2600001", 3, "org.isrcregistry.core.recording.IsrcAssigned",
                "2", "2026-12-06T07:00:00.123Z", changed, null, null).leafHash()).isNotEqualTo(hash);
    }

    @Test
    void truncatedOrPaddedEncodingsAreRefused() {
        byte[] encoded = leaf(null, null).encode();
        assertThatThrownBy(() -> EventLeaf.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventLeaf.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> EventLeaf.decode(otherVersion)).isInstanceOf(IllegalArgumentException.class);
    }
}
