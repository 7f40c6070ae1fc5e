-- Idempotency-Key: the first request with a key claims it (the primary key decides between concurrent retries),
-- runs, and stores its response; every retry with the same key gets that response back. A key is scoped to the
-- client that sent it.
CREATE TABLE idempotency_key (
    scope          TEXT        NOT NULL,
    key            TEXT        NOT NULL,
    request_hash   CHAR(64)    NOT NULL,  -- SHA-256 of method, path and body: the same key for another request is refused
    status         INTEGER,               -- null while the first request runs
    content_type   TEXT,
    location       TEXT,
    body           BYTEA,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
