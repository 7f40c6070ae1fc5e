-- ISRC Managers' clients (docs/registrants.md). Lookups for the rule an assignment under a manager's prefix obeys,
-- written in the same transaction as the events, like the other lookups (V2, V60).

-- The clients who authorised a manager: one row per ClientAuthorised.
CREATE TABLE lookup_manager_client (
    client_id          uuid        PRIMARY KEY,
    registrant_id      uuid        NOT NULL,
    name               text        NOT NULL,
    authorised_on      date        NOT NULL,
    evidence_reference text        NOT NULL,
    recorded_at        timestamptz NOT NULL
);
CREATE INDEX lookup_manager_client_registrant ON lookup_manager_client (registrant_id);

-- Codes a manager assigned for its clients per year of reference, over all its prefixes. The row is updated by every
-- transaction that assigns such a code: two transactions on two of the manager's prefixes wait for each other here,
-- and the later one, seeing the earlier one's count, is decided again when it would pass the cap.
CREATE TABLE lookup_manager_year (
    registrant_id     uuid     NOT NULL,
    year_of_reference smallint NOT NULL,
    assigned          integer  NOT NULL,
    PRIMARY KEY (registrant_id, year_of_reference)
);

-- Each code a manager assigned, and for which client: what the client's list shows (IFPI: a manager tells each owner
-- which codes it assigned for it).
CREATE TABLE manager_client_code (
    client_id     uuid        NOT NULL,
    isrc          char(12)    NOT NULL,
    registrant_id uuid        NOT NULL,
    assigned_at   timestamptz NOT NULL,
    PRIMARY KEY (client_id, isrc)
);
