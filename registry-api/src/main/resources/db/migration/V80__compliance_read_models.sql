-- Registrant audits and compliance reports (docs/compliance.md).

-- Every refused command (a 4xx problem answered to a write request): who, when, what, which rule. Append-only: the
-- registry only inserts, and the triggers below refuse any UPDATE, DELETE or TRUNCATE, whoever sends it. Not an event:
-- a refused command changed nothing, so it is neither part of the record of ISRCs nor of the public feed.
CREATE TABLE refused_command (
    id             BIGSERIAL    PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          TEXT         NOT NULL,
    method         VARCHAR(8)   NOT NULL,
    path           VARCHAR(500) NOT NULL,
    prefix_code    CHAR(5),
    isrc           CHAR(12),
    status         SMALLINT     NOT NULL,
    problem_type   TEXT         NOT NULL,
    detail         TEXT,
    field          TEXT,
    correlation_id TEXT
);
CREATE INDEX refused_command_prefix ON refused_command (prefix_code, occurred_at, id);
CREATE INDEX refused_command_actor ON refused_command (actor, occurred_at, id);
CREATE INDEX refused_command_isrc ON refused_command (isrc, occurred_at, id);

CREATE FUNCTION refused_command_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'refused_command is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER refused_command_no_change BEFORE UPDATE OR DELETE ON refused_command
    FOR EACH ROW EXECUTE FUNCTION refused_command_append_only();
CREATE TRIGGER refused_command_no_truncate BEFORE TRUNCATE ON refused_command
    FOR EACH STATEMENT EXECUTE FUNCTION refused_command_append_only();

-- The "compliance" read model (ComplianceProjection), rebuilt from the event store like every read model.

-- Every event, with the prefix it falls under and the fields it changed (before and after).
CREATE TABLE compliance_event (
    global_index   BIGINT       PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    prefix_code    CHAR(5),
    subject        VARCHAR(255) NOT NULL,
    event_type     VARCHAR(255) NOT NULL,
    actor          TEXT,
    correlation_id TEXT,
    reason         TEXT,
    changes        JSONB
);
CREATE INDEX compliance_event_prefix ON compliance_event (prefix_code, occurred_at, global_index);
CREATE INDEX compliance_event_actor ON compliance_event (actor, occurred_at, global_index);
CREATE INDEX compliance_event_subject ON compliance_event (subject, occurred_at, global_index);
CREATE INDEX compliance_event_duration_corrected ON compliance_event (subject, global_index)
    WHERE event_type = 'MetadataCorrected' AND changes ? 'duration';

-- Each recording as the compliance reports need it: its current metadata and how it came to be.
CREATE TABLE compliance_recording (
    isrc                     CHAR(12)    PRIMARY KEY,
    prefix_code              CHAR(5)     NOT NULL,
    year_of_reference        SMALLINT    NOT NULL,
    origin                   VARCHAR(8)  NOT NULL,
    kind                     VARCHAR(8)  NOT NULL,
    status                   VARCHAR(16) NOT NULL,
    title                    TEXT        NOT NULL,
    version_title            TEXT,
    main_artist              TEXT        NOT NULL,
    duration_ms              BIGINT      NOT NULL,
    first_published          DATE,
    owner                    TEXT        NOT NULL,
    distributor              TEXT,
    -- RecordingMetadata.matchKey(): normalised main artist, title, version title, and the kind.
    match_key                TEXT        NOT NULL,
    fingerprint              TEXT,
    audio_isrc               CHAR(12),
    parent_isrc              CHAR(12),
    version_change           VARCHAR(64),
    withdrawal_reason        VARCHAR(32),
    duplicate_of             CHAR(12),
    assigned_while_suspended BOOLEAN     NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    withdrawn_at             TIMESTAMPTZ,
    version                  BIGINT      NOT NULL
);
CREATE INDEX compliance_recording_prefix ON compliance_recording (prefix_code, isrc);
CREATE INDEX compliance_recording_match ON compliance_recording (match_key, duration_ms) WHERE status = 'ACTIVE';
CREATE INDEX compliance_recording_fingerprint ON compliance_recording (fingerprint)
    WHERE fingerprint IS NOT NULL;
CREATE INDEX compliance_recording_withdrawn ON compliance_recording (isrc) WHERE status = 'WITHDRAWN';
CREATE INDEX compliance_recording_suspended ON compliance_recording (isrc) WHERE assigned_while_suspended;
CREATE INDEX compliance_recording_version_change ON compliance_recording (isrc) WHERE version_change IS NOT NULL;
CREATE INDEX compliance_recording_video ON compliance_recording (isrc) WHERE kind = 'VIDEO' AND audio_isrc IS NULL;
CREATE INDEX compliance_recording_imported ON compliance_recording (isrc)
    WHERE origin = 'IMPORTED' AND first_published IS NOT NULL;

-- Each prefix's status as the stream reached it: was it suspended when a code was assigned?
CREATE TABLE compliance_prefix (
    prefix_code CHAR(5)     PRIMARY KEY,
    status      VARCHAR(16) NOT NULL
);

-- A recording's catalogue fields after each of its events: its state at any instant is its last row at or before it.
CREATE TABLE compliance_state (
    isrc            CHAR(12)    NOT NULL,
    sequence_number BIGINT      NOT NULL,
    prefix_code     CHAR(5)     NOT NULL,
    valid_from      TIMESTAMPTZ NOT NULL,
    status          VARCHAR(16) NOT NULL,
    kind            VARCHAR(8)  NOT NULL,
    title           TEXT        NOT NULL,
    version_title   TEXT,
    main_artist     TEXT        NOT NULL,
    duration_ms     BIGINT      NOT NULL,
    first_published DATE,
    owner           TEXT        NOT NULL,
    distributor     TEXT,
    PRIMARY KEY (isrc, sequence_number)
);
CREATE INDEX compliance_state_prefix ON compliance_state (prefix_code, isrc, sequence_number);

-- Codes assigned, imported, transferred and withdrawn per prefix and month (UTC).
CREATE TABLE compliance_activity (
    prefix_code CHAR(5) NOT NULL,
    month       DATE    NOT NULL,
    assigned    INTEGER NOT NULL DEFAULT 0,
    imported    INTEGER NOT NULL DEFAULT 0,
    transferred INTEGER NOT NULL DEFAULT 0,
    withdrawn   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (prefix_code, month)
);

-- Who owned or distributed what on a date (the recordings read model's party history, by party).
CREATE INDEX recording_party_history_party ON recording_party_history (party, role, isrc);

-- Possible duplicates under review (the Conflict aggregate's events): open, then resolved.
CREATE TABLE compliance_conflict (
    conflict_id    CHAR(25)    PRIMARY KEY,
    first_isrc     CHAR(12)    NOT NULL,
    second_isrc    CHAR(12)    NOT NULL,
    first_prefix   CHAR(5)     NOT NULL,
    second_prefix  CHAR(5)     NOT NULL,
    basis          VARCHAR(32) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    opened_by      TEXT,
    resolution     VARCHAR(32),
    withdrawn_isrc CHAR(12),
    survivor_isrc  CHAR(12),
    reason         TEXT,
    resolved_at    TIMESTAMPTZ,
    resolved_by    TEXT
);
CREATE INDEX compliance_conflict_status ON compliance_conflict (status, conflict_id);
CREATE INDEX compliance_conflict_first_prefix ON compliance_conflict (first_prefix, conflict_id);
CREATE INDEX compliance_conflict_second_prefix ON compliance_conflict (second_prefix, conflict_id);
