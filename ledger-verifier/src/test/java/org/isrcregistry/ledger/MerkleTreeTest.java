package org.isrcregistry.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void hashesLeavesAndNodesAsRfc9162Does() {
        assertThat(hex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(MerkleTree.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(hex(MerkleTree.nodeHash("N123".getBytes(StandardCharsets.US_ASCII),
                "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void theReferenceLeavesHashToTheReferenceLeafHashes() {
        for (int i = 0; i < 8; i++) {
            assertThat(MerkleTree.leafHash(ReferenceTree.LEAVES.get(i))).isEqualTo(ReferenceTree.LEAF_HASHES.get(i));
        }
    }

    @Test
    void theRootsOfTreesOfZeroToEightLeavesAreTheReferenceRoots() {
        for (int size = 0; size <= 8; size++) {
            List<byte[]> leafHashes = ReferenceTree.LEAVES.subList(0, size).stream().map(MerkleTree::leafHash).toList();
            assertThat(hex(MerkleTree.root(leafHashes))).as("size " + size)
                    .isEqualTo(hex(ReferenceTree.ROOTS.get(size)));
            if (size > 0) {
                assertThat(hex(Subtree.hash(0, size, ReferenceTree.subtrees(size)))).as("from subtrees, size " + size)
                        .isEqualTo(hex(ReferenceTree.ROOTS.get(size)));
            }
        }
    }

    @Test
    void aResumedBorderGoesOnAsTheTreeItCameFrom() {
        MerkleTree.CompactRange first = new MerkleTree.CompactRange();
        ReferenceTree.LEAVES.subList(0, 5).forEach(leaf -> first.append(MerkleTree.leafHash(leaf)));
        MerkleTree.CompactRange resumed = new MerkleTree.CompactRange(5, first.border());
        ReferenceTree.LEAVES.subList(5, 8).forEach(leaf -> resumed.append(MerkleTree.leafHash(leaf)));
        assertThat(resumed.root()).isEqualTo(ReferenceTree.ROOTS.get(8));
    }

    @Test
    void storedSubtreesAreTheReferenceNodeHashes() {
        Map<Subtree, byte[]> stored = ReferenceTree.subtrees(8);
        assertThat(hex(stored.get(new Subtree(1, 1))))
                .isEqualTo("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e");
        assertThat(hex(stored.get(new Subtree(1, 3))))
                .isEqualTo("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0");
        assertThat(hex(stored.get(new Subtree(2, 1))))
                .isEqualTo("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(stored).hasSize(15);
    }
}
