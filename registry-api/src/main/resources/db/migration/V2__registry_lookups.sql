-- Lookups for the set-based rules no single aggregate can check. They are written by a subscribing processor in
-- the same transaction as the events, so a command always sees every committed recording (a read model would lag),
-- and their unique constraints are the last guard when two transactions race.

-- Active recordings by audio fingerprint: one ISRC per audio.
CREATE TABLE lookup_fingerprint (
    fingerprint VARCHAR(64) PRIMARY KEY,
    isrc        CHAR(12)    NOT NULL UNIQUE
);

-- Active recordings by normalised main artist, title, version title and kind, for possible-duplicate warnings.
CREATE TABLE lookup_recording_match (
    isrc        CHAR(12) PRIMARY KEY,
    match_key   TEXT     NOT NULL,
    duration_ms BIGINT   NOT NULL
);
CREATE INDEX lookup_recording_match_key ON lookup_recording_match (match_key);

-- Registered prefix codes, for the next free registrant code of a country.
CREATE TABLE lookup_prefix_code (
    prefix_code  CHAR(5) PRIMARY KEY,
    country_code CHAR(2) NOT NULL
);
CREATE INDEX lookup_prefix_code_country ON lookup_prefix_code (country_code);
