package org.isrcregistry.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on an export and a proof made here: verified as made, refused at the leaf that was changed. */
class LedgerVerifierTest {

    @TempDir
    Path files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return LedgerVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anExportAndAProofVerifyAndAChangedPayloadIsFoundAtItsLeaf() throws Exception {
        ByteArrayOutputStream keys = new ByteArrayOutputStream();
        assertThat(LedgerVerifier.run(new String[] {"keygen", "agency.example/isrc-ledger/v1"},
                new PrintStream(keys, true, StandardCharsets.UTF_8), new PrintStream(err, true))).isZero();
        NoteKeys.Signer signer = NoteKeys.Signer.parse(keys.toString(StandardCharsets.UTF_8));
        String vkey = signer.verifier().format();

        MerkleTree.CompactRange tree = new MerkleTree.CompactRange();
        List<byte[]> leaves = new ArrayList<>();
        StringWriter export = new StringWriter();
        export.write(LedgerExport.HEADER + "\n");
        byte[] previous = null;
        for (int i = 0; i < 6; i++) {
            byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            EventLeaf leaf = EventLeaf.of("e" + i, "Recording", "CAK7Q2600001", i, "Changed", "1",
                    "2026-12-06T07:00:0" + i + "Z", payload, null, previous);
            byte[] encoded = leaf.encode();
            leaves.add(encoded);
            previous = MerkleTree.leafHash(encoded);
            tree.append(previous);
            LedgerExport.writeLine(export, i, 10 + i, encoded, payload, null);
        }
        String checkpoint = signer.sign(new Checkpoint(signer.name(), 6, tree.root()).text()).format();
        Path checkpointFile = Files.writeString(files.resolve("checkpoint"), checkpoint);
        Path exportFile = Files.writeString(files.resolve("export"), export.toString());
        assertThat(run("export", "--key", vkey, "--checkpoint", checkpointFile.toString(), exportFile.toString()))
                .as(err.toString()).isZero();

        Path changed = Files.writeString(files.resolve("changed"), export.toString()
                .replace(java.util.Base64.getEncoder().encodeToString("{\"n\":3}".getBytes(StandardCharsets.UTF_8)),
                        java.util.Base64.getEncoder().encodeToString("{\"n\":9}".getBytes(StandardCharsets.UTF_8))));
        assertThat(run("export", "--key", vkey, "--checkpoint", checkpointFile.toString(), changed.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("at log index 3").contains("payload");

        java.util.Map<Subtree, byte[]> stored = new java.util.HashMap<>();
        MerkleTree.CompactRange again = new MerkleTree.CompactRange();
        for (int i = 0; i < leaves.size(); i++) {
            List<byte[]> completed = again.append(MerkleTree.leafHash(leaves.get(i)));
            for (int level = 0; level < completed.size(); level++) {
                stored.put(new Subtree(level, i >> level), completed.get(level));
            }
        }
        List<byte[]> hashes = Proofs.inclusion(4, 6).stream().map(r -> Subtree.hash(r.start(), r.end(), stored))
                .toList();
        Path proof = Files.writeString(files.resolve("proof"),
                new TlogProof(leaves.get(4), 4, hashes, checkpoint).format());
        assertThat(run("proof", "--key", vkey, proof.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("included: log index 4, event e4");
        Path wrongIndex = Files.writeString(files.resolve("wrong"),
                new TlogProof(leaves.get(4), 5, hashes, checkpoint).format());
        assertThat(run("proof", "--key", vkey, wrongIndex.toString())).isEqualTo(1);
    }
}
