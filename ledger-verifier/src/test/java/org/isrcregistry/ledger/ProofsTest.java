package org.isrcregistry.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProofsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** transparency-dev/merkle cmd/proofgen: (1-based leaf, tree size) and the expected inclusion proof. */
    @Test
    void inclusionProofsOfTheReferenceTreeAreTheReferenceProofs() throws Exception {
        Map<Subtree, byte[]> stored = ReferenceTree.subtrees(8);
        assertInclusion(0, 1, List.of(), stored);
        assertInclusion(0, 8, ReferenceTree.hex(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), stored);
        assertInclusion(5, 8, ReferenceTree.hex(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), stored);
        assertInclusion(2, 3, ReferenceTree.hex(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"), stored);
        assertInclusion(1, 5, ReferenceTree.hex(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), stored);
    }

    private static void assertInclusion(long index, long size, List<byte[]> expected, Map<Subtree, byte[]> stored)
            throws Proofs.InvalidProofException {
        List<byte[]> proof = ReferenceTree.proof(Proofs.inclusion(index, size), stored);
        assertThat(proof).as("leaf %d of %d", index, size).containsExactlyElementsOf(expected);
        Proofs.verifyInclusion(index, size, ReferenceTree.LEAF_HASHES.get((int) index), proof,
                ReferenceTree.ROOTS.get((int) size));
    }

    @Test
    void consistencyProofsOfTheReferenceTreeAreTheReferenceProofs() throws Exception {
        Map<Subtree, byte[]> stored = ReferenceTree.subtrees(8);
        assertConsistency(1, 1, List.of(), stored);
        assertConsistency(1, 8, ReferenceTree.hex(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), stored);
        assertConsistency(6, 8, ReferenceTree.hex(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), stored);
        assertConsistency(2, 5, ReferenceTree.hex(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), stored);
        assertConsistency(6, 7, ReferenceTree.hex(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), stored);
    }

    private static void assertConsistency(long first, long second, List<byte[]> expected,
                                          Map<Subtree, byte[]> stored) throws Proofs.InvalidProofException {
        List<byte[]> proof = ReferenceTree.proof(Proofs.consistency(first, second), stored);
        assertThat(proof).as("%d to %d", first, second).containsExactlyElementsOf(expected);
        Proofs.verifyConsistency(first, second, ReferenceTree.ROOTS.get((int) first),
                ReferenceTree.ROOTS.get((int) second), proof);
    }

    @Test
    void everyProofBetweenTreesOfUpToEightLeavesVerifiesAndFailsForAnotherLeaf() throws Exception {
        Map<Subtree, byte[]> stored = ReferenceTree.subtrees(8);
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = ReferenceTree.proof(Proofs.inclusion(index, size), stored);
                Proofs.verifyInclusion(index, size, ReferenceTree.LEAF_HASHES.get(index), proof,
                        ReferenceTree.ROOTS.get(size));
                long leaf = index;
                long tree = size;
                byte[] other = ReferenceTree.LEAF_HASHES.get((index + 1) % 8);
                assertThatThrownBy(() -> Proofs.verifyInclusion(leaf, tree, other, proof,
                        ReferenceTree.ROOTS.get((int) tree))).isInstanceOf(Proofs.InvalidProofException.class);
            }
            for (int first = 1; first <= size; first++) {
                Proofs.verifyConsistency(first, size, ReferenceTree.ROOTS.get(first), ReferenceTree.ROOTS.get(size),
                        ReferenceTree.proof(Proofs.consistency(first, size), stored));
            }
        }
    }

    @Test
    void everyTransparencyDevProbeIsJudgedAsTheReferenceJudgesIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        for (Path file : probes("inclusion")) {
            JsonNode probe = JSON.readTree(file.toFile());
            probes++;
            boolean failed = fails(() -> Proofs.verifyInclusion(probe.path("leafIdx").asLong(),
                    probe.path("treeSize").asLong(), bytes(probe.path("leafHash")), hashes(probe.path("proof")),
                    bytes(probe.path("root"))));
            if (failed != probe.path("wantErr").asBoolean()) {
                wrong.add(file + ": " + probe.path("desc").asText());
            }
        }
        for (Path file : probes("consistency")) {
            JsonNode probe = JSON.readTree(file.toFile());
            probes++;
            boolean failed = fails(() -> Proofs.verifyConsistency(probe.path("size1").asLong(),
                    probe.path("size2").asLong(), bytes(probe.path("root1")), bytes(probe.path("root2")),
                    hashes(probe.path("proof"))));
            if (failed != probe.path("wantErr").asBoolean()) {
                wrong.add(file + ": " + probe.path("desc").asText());
            }
        }
        assertThat(probes).isGreaterThan(190);
        assertThat(wrong).isEmpty();
    }

    private interface Check {
        void run() throws Exception;
    }

    private static boolean fails(Check check) {
        try {
            check.run();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static List<Path> probes(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(ProofsTest.class.getResource("/transparency-dev/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? new byte[0] : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode node) {
        List<byte[]> out = new ArrayList<>();
        node.forEach(hash -> out.add(bytes(hash)));
        return out;
    }
}
