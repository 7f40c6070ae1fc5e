package org.isrcregistry.projections.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The signed checkpoints (table ledger_checkpoint), newest last. */
public final class LedgerCheckpoints {

    /** A checkpoint as kept: {@code note} is the signed note, byte for byte as signed. */
    public record Stored(long id, long treeSize, byte[] rootHash, Instant signedAt, String note) {

        static Stored of(ResultSet row) throws SQLException {
            return new Stored(row.getLong("id"), row.getLong("tree_size"), row.getBytes("root_hash"),
                    row.getTimestamp("signed_at").toInstant(), row.getString("note"));
        }
    }

    private static final String COLUMNS = "SELECT id, tree_size, root_hash, signed_at, note FROM ledger_checkpoint ";

    private LedgerCheckpoints() {
    }

    /** The newest checkpoint, null if none was signed yet. */
    static Stored latest(JdbcTemplate jdbc) {
        List<Stored> latest = jdbc.query(COLUMNS + "ORDER BY id DESC LIMIT 1", (row, n) -> Stored.of(row));
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** Checkpoints after {@code afterId}, oldest first. */
    static List<Stored> after(JdbcTemplate jdbc, long afterId, int limit) {
        return jdbc.query(COLUMNS + "WHERE id > ? ORDER BY id LIMIT ?", (row, n) -> Stored.of(row), afterId, limit);
    }

    /** The newest checkpoint of exactly this tree size, null if none. */
    static Stored ofSize(JdbcTemplate jdbc, long treeSize) {
        List<Stored> found = jdbc.query(COLUMNS + "WHERE tree_size = ? ORDER BY id DESC LIMIT 1",
                (row, n) -> Stored.of(row), treeSize);
        return found.isEmpty() ? null : found.get(0);
    }
}
