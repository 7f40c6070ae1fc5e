-- Read models of recordings, written by the "recordings" streaming processor (RecordingProjection). Every table is
-- truncated by the processor's reset handler and rebuilt from the event store.

-- Trigram indexes serve the case- and accent-insensitive "contains" search on the normalised columns.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The current state of each recording: the columns serve search and the registrant's list, `state` is the public
-- representation (RecordingState as JSON) the API returns as is.
CREATE TABLE recording_view (
    isrc              CHAR(12)    PRIMARY KEY,
    prefix_code       CHAR(5)     NOT NULL,
    year_of_reference SMALLINT    NOT NULL,
    kind              VARCHAR(8)  NOT NULL,
    status            VARCHAR(16) NOT NULL,
    title             TEXT        NOT NULL,
    version_title     TEXT,
    main_artist       TEXT        NOT NULL,
    -- MatchingText.normalise: lower case, no accents, single spaces (the same rule the duplicate check uses).
    title_match       TEXT        NOT NULL,
    artist_match      TEXT        NOT NULL,
    duration_ms       BIGINT      NOT NULL,
    first_published   DATE,
    owner             TEXT        NOT NULL,
    distributor       TEXT,
    parent_isrc       CHAR(12),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    -- Sequence number of the last event applied: a replayed event never moves a row backwards.
    version           BIGINT      NOT NULL,
    state             JSONB       NOT NULL
);
-- Keyset pages are ordered by ISRC; a prefix's list is a range of this index.
CREATE INDEX recording_view_prefix ON recording_view (prefix_code, isrc);
CREATE INDEX recording_view_title_match ON recording_view USING gin (title_match gin_trgm_ops);
CREATE INDEX recording_view_artist_match ON recording_view USING gin (artist_match gin_trgm_ops);

-- Versions: parent and child, and why the child was declared.
CREATE TABLE recording_lineage (
    parent_isrc CHAR(12)    NOT NULL,
    child_isrc  CHAR(12)    NOT NULL,
    change      VARCHAR(64),
    description TEXT,
    PRIMARY KEY (parent_isrc, child_isrc)
);
CREATE INDEX recording_lineage_child ON recording_lineage (child_isrc);

-- Releases (UPC/EAN) a recording appears on.
CREATE TABLE recording_release (
    isrc         CHAR(12)    NOT NULL,
    release_code VARCHAR(13) NOT NULL,
    code_kind    VARCHAR(3)  NOT NULL,
    title        TEXT        NOT NULL,
    format       TEXT        NOT NULL,
    territories  TEXT[]      NOT NULL,
    linked_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (isrc, release_code)
);
CREATE INDEX recording_release_code ON recording_release (release_code);

-- Works (ISWC) a recording realises.
CREATE TABLE recording_work (
    isrc      CHAR(12)    NOT NULL,
    iswc      CHAR(11)    NOT NULL,
    linked_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (isrc, iswc)
);
CREATE INDEX recording_work_iswc ON recording_work (iswc);

-- Owners and distributors over time: one row per registration or change, keyed by the event's position in the
-- recording's stream. effective_date is null for the party declared at registration.
CREATE TABLE recording_party_history (
    isrc            CHAR(12)    NOT NULL,
    sequence_number BIGINT      NOT NULL,
    role            VARCHAR(16) NOT NULL,
    party           TEXT,
    previous_party  TEXT,
    effective_date  DATE,
    recorded_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (isrc, sequence_number, role)
);

-- Every event of the registry, written by the "audit-log" streaming processor (AuditLogProjection).
CREATE TABLE audit_log (
    global_index    BIGINT       PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    event_type      VARCHAR(255) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    sequence_number BIGINT,
    actor           TEXT,
    correlation_id  TEXT,
    causation_id    TEXT,
    reason          TEXT
);
CREATE INDEX audit_log_subject ON audit_log (subject, global_index);
CREATE INDEX audit_log_correlation ON audit_log (correlation_id);
