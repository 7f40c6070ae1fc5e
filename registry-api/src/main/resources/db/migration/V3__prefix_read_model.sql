-- Read model of prefixes, written by the prefix projection (a streaming processor over the event store).
CREATE TABLE prefix_view (
    prefix_code        CHAR(5)      PRIMARY KEY,
    country_code       CHAR(2)      NOT NULL,
    registrant_name    TEXT         NOT NULL,
    registrant_contact TEXT,
    range_first        INTEGER      NOT NULL,
    range_last         INTEGER      NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    suspension_reason  TEXT,
    registered_at      TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX prefix_view_country ON prefix_view (country_code);

-- Designations taken per prefix and year of reference: assigned by the registry or imported.
CREATE TABLE prefix_usage (
    prefix_code       CHAR(5)  NOT NULL,
    year_of_reference SMALLINT NOT NULL,
    assigned          INTEGER  NOT NULL DEFAULT 0,
    imported          INTEGER  NOT NULL DEFAULT 0,
    PRIMARY KEY (prefix_code, year_of_reference)
);
