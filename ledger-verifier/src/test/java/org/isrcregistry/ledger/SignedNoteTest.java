package org.isrcregistry.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The C2SP signed-note example and golang.org/x/mod/sumdb/note's reference key and note. */
class SignedNoteTest {

    private static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private static final String C2SP_NOTE = """
            This is an example message.

            \u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=
            """;
    private static final String GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = """
            If you think cryptography is the answer to your problem,
            then you don't know what your problem is.
            """;
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theSpecificationsExampleVerifies() throws Exception {
        NoteKeys.Verifier key = NoteKeys.Verifier.parse(C2SP_VKEY);
        SignedNote note = SignedNote.parse(C2SP_NOTE);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(key.verifies(note)).isTrue();
        assertThat(key.format()).isEqualTo(C2SP_VKEY);
        assertThat(note.format()).isEqualTo(C2SP_NOTE);
    }

    @Test
    void theGoReferenceKeySignsTheGoReferenceNoteByteForByte() throws Exception {
        NoteKeys.Signer signer = NoteKeys.Signer.parse(GO_SKEY);
        assertThat(signer.verifier().format()).isEqualTo(GO_VKEY);
        assertThat(signer.sign(GO_TEXT).format()).isEqualTo(GO_NOTE);
        assertThat(signer.format()).isEqualTo(GO_SKEY);
        assertThat(signer.toString()).doesNotContain("PRIVATE").doesNotContain("AYEKFALV");
        assertThat(NoteKeys.Verifier.parse(GO_VKEY).verifies(SignedNote.parse(GO_NOTE))).isTrue();
    }

    @Test
    void aChangedTextOrAnotherKeyDoesNotVerify() throws Exception {
        NoteKeys.Verifier key = NoteKeys.Verifier.parse(GO_VKEY);
        assertThat(key.verifies(SignedNote.parse(GO_NOTE.replace("cryptography", "cryptographY")))).isFalse();
        assertThat(NoteKeys.Verifier.parse(C2SP_VKEY).verifies(SignedNote.parse(GO_NOTE))).isFalse();
        NoteKeys.Signer other = NoteKeys.Signer.generate("PeterNeumann");
        assertThat(key.verifies(other.sign(GO_TEXT))).isFalse();
    }

    @Test
    void malformedNotesAndKeysAreRefused() {
        assertThatThrownBy(() -> SignedNote.parse(GO_TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(GO_NOTE.replace("\u2014", "-")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse("a\tb\n\n\u2014 k AAAAAAA=\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKeys.Verifier.parse(GO_VKEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckpointIsSignedAndReadBack() throws Exception {
        NoteKeys.Signer signer = NoteKeys.Signer.generate("agency.example/isrc-ledger/v1");
        Checkpoint checkpoint = new Checkpoint(signer.name(), 8, ReferenceTree.ROOTS.get(8));
        String note = signer.sign(checkpoint.text()).format();
        assertThat(note).startsWith("agency.example/isrc-ledger/v1\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n");
        Checkpoint read = Checkpoint.verified(note, signer.verifier());
        assertThat(read.size()).isEqualTo(8);
        assertThat(read.rootHash()).isEqualTo(ReferenceTree.ROOTS.get(8));
        assertThatThrownBy(() -> Checkpoint.verified(note.replace("\n8\n", "\n9\n"), signer.verifier()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
