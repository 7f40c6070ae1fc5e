package org.isrcregistry.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The auditor's command line: checks the registry's signed checkpoints, proofs and exports offline, trusting nothing
 * but the verifier key. Exit status 0: verified; 1: not verified (the reason is printed); 2: wrong usage.
 */
public final class LedgerVerifier {

    static final String USAGE = """
            usage: java -jar ledger-verifier.jar <command> --key <verifier key or file> <arguments>
              checkpoint <checkpoint file>                        verify a signed checkpoint
              proof <tlog-proof file>                             verify an inclusion proof (leaf in its extra line)
              consistency <old checkpoint> <new checkpoint> <proof file>
                                                                  verify that the new tree extends the old one
                export --checkpoint <checkpoint file> <export file> recompute every leaf and the tree of an export
            A file named - is standard input. For the operator, without --key:
              keygen <origin>   a new signing key (a secret) on standard output, its verifier key on standard error""";

    private LedgerVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String key = null;
        String checkpointFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                key = args[++i];
            } else if (args[i].equals("--checkpoint") && i + 1 < args.length) {
                checkpointFile = args[++i];
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() == 2 && positional.get(0).equals("keygen")) {
            return keygen(positional.get(1), out, err);
        }
        if (positional.isEmpty() || key == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(key.contains("+") ? key : read(key).strip());
            String command = positional.get(0);
            List<String> files = positional.subList(1, positional.size());
            switch (command) {
                case "checkpoint" -> {
                    requireFiles(files, 1);
                    print(out, Checkpoint.verified(read(files.get(0)), verifier));
                }
                case "proof" -> {
                    requireFiles(files, 1);
                    TlogProof proof = TlogProof.parse(read(files.get(0)));
                    if (proof.extra() == null) {
                        throw new IllegalArgumentException("the proof carries no leaf in its extra line");
                    }
                    EventLeaf leaf = EventLeaf.decode(proof.extra());
                    Checkpoint checkpoint = proof.verify(MerkleTree.leafHash(proof.extra()), verifier);
                    out.println("included: log index " + proof.index() + ", event " + leaf.eventIdentifier()
                            + ", aggregate " + leaf.aggregateIdentifier() + " #" + leaf.sequenceNumber() + ", "
                            + leaf.payloadType() + ", " + leaf.timestamp());
                    out.println("payload SHA-256 " + HexFormat.of().formatHex(leaf.payloadSha256()));
                    print(out, checkpoint);
                }
                case "consistency" -> {
                    requireFiles(files, 3);
                    Checkpoint first = Checkpoint.verified(read(files.get(0)), verifier);
                    Checkpoint second = Checkpoint.verified(read(files.get(1)), verifier);
                    List<byte[]> proof = new ArrayList<>();
                    for (String line : read(files.get(2)).split("\n")) {
                        if (!line.isBlank()) {
                            proof.add(Base64.getDecoder().decode(line.strip()));
                        }
                    }
                    Proofs.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(), proof);
                    out.println("consistent: " + second.size() + " leaves extend " + first.size());
                }
                case "export" -> {
                    requireFiles(files, 1);
                    if (checkpointFile == null) {
                        throw new IllegalArgumentException("export needs --checkpoint <file>");
                    }
                    Checkpoint checkpoint = Checkpoint.verified(read(checkpointFile), verifier);
                    LedgerExport.Result result;
                    try (BufferedReader export = reader(files.get(0))) {
                        result = LedgerExport.verify(export, checkpoint);
                    }
                    if (!result.valid()) {
                        err.println("NOT VERIFIED at log index " + result.firstInvalid() + ": " + result.problem());
                        return 1;
                    }
                    out.println("verified: " + result.leaves() + " leaves read, the first " + checkpoint.size()
                            + " hash to the checkpoint's root");
                    print(out, checkpoint);
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (Proofs.InvalidProofException | IllegalArgumentException | IOException e) {
            err.println("NOT VERIFIED: " + e.getMessage());
            return 1;
        }
    }

    private static int keygen(String origin, PrintStream out, PrintStream err) {
        try {
            NoteKeys.Signer signer = NoteKeys.Signer.generate(origin);
            out.println(signer.format());
            err.println(signer.verifier().format());
            return 0;
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            err.println("no key: " + e.getMessage());
            return 2;
        }
    }

    private static void print(PrintStream out, Checkpoint checkpoint) {
        out.println("checkpoint: " + checkpoint.origin() + ", " + checkpoint.size() + " leaves, root "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
    }

    private static void requireFiles(List<String> files, int count) {
        if (files.size() != count) {
            throw new IllegalArgumentException("expected " + count + " file(s)\n" + USAGE);
        }
    }

    private static String read(String file) throws IOException {
        try (BufferedReader reader = reader(file)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static BufferedReader reader(String file) throws IOException {
        return file.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }
}
