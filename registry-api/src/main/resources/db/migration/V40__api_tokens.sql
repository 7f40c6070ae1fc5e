-- API tokens (docs/security.md). The secret itself is never stored: only its SHA-256 hash, which is what a
-- request's bearer token is looked up by. Revoked tokens stay, so the history's actors can still be named.
CREATE TABLE api_token (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('REGISTRANT', 'AUDITOR', 'AGENCY')),
    -- REGISTRANT only: the prefix codes (compact form, e.g. CAK7Q) it may act on.
    prefixes    text[]      NOT NULL DEFAULT '{}',
    secret_hash bytea       NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    revoked_by  text,
    CHECK ((role = 'REGISTRANT') = (cardinality(prefixes) > 0))
);
