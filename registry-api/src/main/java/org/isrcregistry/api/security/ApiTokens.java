package org.isrcregistry.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The API tokens in table {@code api_token}. A secret is {@code isrc_} and 32 random bytes; only its SHA-256 hash is
 * stored and looked up. A fast, unsalted hash is right here: the secrets are 256-bit random values, not passwords, so
 * there is nothing to guess from a leaked hash, and a request pays microseconds, not the tens of milliseconds of a
 * password hash. A token read once is kept in memory by {@link TokenChanges} until any node changes what a token may do;
 * a revocation answers once this node has forgotten the token, and every other node has been notified.
 */
@Component
public class ApiTokens {

    private static final String PREFIX = "isrc_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A registrant's token covers the prefixes its registrant holds when the request is made: read in the same query,
     * so a prefix transferred to it is covered from the next request on, and one transferred away no longer.
     */
    private static final String COLUMNS = """
            id, name, role, registrant_id, created_at, created_by, expires_at, revoked_at, revoked_by,
            CASE WHEN registrant_id IS NULL THEN prefixes ELSE ARRAY(SELECT l.prefix_code::text
                FROM lookup_prefix_code l WHERE l.registrant_id = api_token.registrant_id) END AS prefixes""";

    private final JdbcTemplate jdbc;
    private final TokenChanges changes;
    private final Clock clock;

    ApiTokens(JdbcTemplate jdbc, TokenChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = Clock.systemUTC();
    }

    /** A new token and, once only, its secret. */
    public record Issued(ApiToken token, String secret) {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @param registrant REGISTRANT only, instead of prefixes: the registrant whose prefixes it covers */
    public Issued create(String name, Role role, RegistrantId registrant, Set<PrefixCode> prefixes, Instant expiresAt,
                         String createdBy) {
        String secret = newSecret();
        return new Issued(insert(secret, name, role, registrant, prefixes, expiresAt, createdBy), secret);
    }

    /** Stores the token under the secret's hash, unless a token with that hash exists (then it is returned). */
    ApiToken insert(String secret, String name, Role role, RegistrantId registrant, Set<PrefixCode> prefixes,
                    Instant expiresAt, String createdBy) {
        jdbc.update("INSERT INTO api_token (id, name, role, registrant_id, prefixes, secret_hash, created_at, created_by,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (secret_hash) DO NOTHING",
                UUID.randomUUID(), name, role.name(), registrant == null ? null : registrant.value(),
                prefixes.stream().map(PrefixCode::value).sorted().toArray(String[]::new), hash(secret),
                Timestamp.from(clock.instant()), createdBy, expiresAt == null ? null : Timestamp.from(expiresAt));
        return bySecret(secret).orElseThrow();
    }

    /** The token whose secret this is, revoked or expired ones included (the caller decides). */
    Optional<ApiToken> bySecret(String secret) {
        byte[] hash = hash(secret);
        return changes.token(HexFormat.of().formatHex(hash), () -> jdbc.query(
                "SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ?", ROW, hash).stream().findFirst());
    }

    public Optional<ApiToken> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<ApiToken> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, id", ROW);
    }

    /** Revokes the token if it is not already; the first revocation's time and actor are kept. */
    public Optional<ApiToken> revoke(UUID id, String revokedBy) {
        jdbc.update("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), revokedBy, id);
        changes.sync();
        return find(id);
    }

    /** Whether some AGENCY token can still be used. */
    boolean anyUsableAgencyToken() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM api_token WHERE role = 'AGENCY'"
                + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()))", Boolean.class));
    }

    /** Revokes the tokens of this name and creator but for the one with this secret: a rotated bootstrap token. */
    int revokeOthers(String name, String createdBy, String keptSecret) {
        int revoked = jdbc.update("UPDATE api_token SET revoked_at = ?, revoked_by = ?"
                        + " WHERE name = ? AND created_by = ? AND secret_hash <> ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), createdBy, name, createdBy, hash(keptSecret));
        changes.sync();
        return revoked;
    }

    boolean expired(ApiToken token) {
        return token.expiresAt() != null && !token.expiresAt().isAfter(clock.instant());
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static final RowMapper<ApiToken> ROW = (rs, row) -> new ApiToken(
            rs.getObject("id", UUID.class), rs.getString("name"), Role.valueOf(rs.getString("role")),
            rs.getString("registrant_id") == null ? null : RegistrantId.parse(rs.getString("registrant_id")),
            prefixes(rs.getArray("prefixes")), instant(rs, "created_at"), rs.getString("created_by"),
            instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("revoked_by"));

    private static Set<PrefixCode> prefixes(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(PrefixCode::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
