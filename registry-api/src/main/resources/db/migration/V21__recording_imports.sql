-- Bulk imports of existing ISRCs: progress while they run, one result per row at the end. The content is kept until
-- the import completes, so an import interrupted by a restart resumes where its recorded results stop.
CREATE TABLE recording_import (
    id                 UUID        PRIMARY KEY,
    prefix_code        CHAR(5)     NOT NULL,
    content_hash       CHAR(64)    NOT NULL,
    media_type         TEXT        NOT NULL,
    content            BYTEA,
    actor              TEXT        NOT NULL,
    status             VARCHAR(16) NOT NULL,
    total              INTEGER     NOT NULL,
    done               INTEGER     NOT NULL DEFAULT 0,
    registered         INTEGER     NOT NULL DEFAULT 0,
    already_registered INTEGER     NOT NULL DEFAULT 0,
    refused            INTEGER     NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at        TIMESTAMPTZ,
    UNIQUE (prefix_code, content_hash)   -- the same content again is the same import
);

CREATE TABLE recording_import_row (
    import_id           UUID     NOT NULL REFERENCES recording_import (id),
    row_number          INTEGER  NOT NULL,
    isrc                TEXT,
    outcome             VARCHAR(24) NOT NULL,
    possible_duplicates TEXT,
    problem_type        TEXT,
    field               TEXT,
    detail              TEXT,
    action              TEXT,
    PRIMARY KEY (import_id, row_number)
);
