-- Registrants as the agency's own records (docs/registrants.md).

-- For the rules a prefix command checks against its registrant: on file, still trading, a manager's cap. Written in
-- the same transaction as the registrant's events, like the other lookups (V2).
CREATE TABLE lookup_registrant (
    registrant_id uuid    PRIMARY KEY,
    kind          text    NOT NULL,
    active        boolean NOT NULL,
    yearly_cap    integer
);

-- Who holds each prefix now: what a registrant's token covers (docs/security.md).
ALTER TABLE lookup_prefix_code ADD COLUMN registrant_id uuid;
CREATE INDEX lookup_prefix_code_registrant ON lookup_prefix_code (registrant_id);

-- A registrant's contacts and postal address: personal data, kept out of the events so that erasing them (GDPR) is a
-- DELETE here and no stored event changes. Who erased whose and when is kept, without the data.
CREATE TABLE registrant_contact (
    registrant_id  uuid        PRIMARY KEY,
    postal_address text,
    contacts       jsonb       NOT NULL DEFAULT '[]',
    updated_at     timestamptz NOT NULL
);
CREATE TABLE registrant_contact_erasure (
    registrant_id     uuid        NOT NULL,
    erased_at         timestamptz NOT NULL,
    erased_by         text        NOT NULL,
    request_reference text        NOT NULL
);

-- Read model of registrants, written by the prefix projection with the prefixes.
CREATE TABLE registrant_view (
    registrant_id uuid        PRIMARY KEY,
    legal_name    text        NOT NULL,
    trading_names text[]      NOT NULL,
    country_code  char(2)     NOT NULL,
    kind          text        NOT NULL,
    volume_tier   text,
    yearly_cap    integer,
    status        text        NOT NULL,
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX registrant_view_legal_name ON registrant_view (lower(legal_name));

-- The holder is a registrant record now; the name and contact come from there, for those allowed to see them.
ALTER TABLE prefix_view DROP COLUMN registrant_name, DROP COLUMN registrant_contact, ADD COLUMN registrant_id uuid;
CREATE INDEX prefix_view_registrant ON prefix_view (registrant_id);

-- A REGISTRANT token belongs either to a registrant (and covers the prefixes it holds at each request) or, as before,
-- to a list of prefix codes.
ALTER TABLE api_token ADD COLUMN registrant_id uuid;
ALTER TABLE api_token DROP CONSTRAINT api_token_check;
ALTER TABLE api_token ADD CONSTRAINT api_token_registrant_scope CHECK (
    (role = 'REGISTRANT') = (cardinality(prefixes) > 0 OR registrant_id IS NOT NULL)
    AND NOT (cardinality(prefixes) > 0 AND registrant_id IS NOT NULL));

-- Who held each prefix when: one row per allocation or transfer (read model, prefix projection).
CREATE TABLE prefix_holding (
    prefix_code   char(5)     NOT NULL,
    registrant_id uuid        NOT NULL,
    held_from     timestamptz NOT NULL,
    held_until    timestamptz,
    from_registrant_id uuid,
    reason        text,
    actor         text,
    event_id      text        PRIMARY KEY
);
CREATE INDEX prefix_holding_registrant ON prefix_holding (registrant_id);
CREATE INDEX prefix_holding_prefix ON prefix_holding (prefix_code, held_from);
