-- The yearly report to IFPI (docs/registrants.md) over a registry of national size: its figures stay counted from the
-- event store, by the time each event was stored, without reading every stored event each time.

-- The codes the registry created, per quarter hour of storage (every time zone's year starts on a quarter hour), per
-- prefix, origin (ASSIGNED by the registry, IMPORTED: assigned elsewhere) and content type. Written in the same
-- transaction as the events (RegistryLookups), like the other lookups; filled here from the events stored so far.
CREATE TABLE report_code_count (
    stored_in   timestamptz NOT NULL,
    prefix_code char(5)     NOT NULL,
    origin      text        NOT NULL,
    kind        text        NOT NULL,
    codes       bigint      NOT NULL,
    PRIMARY KEY (stored_in, prefix_code, origin, kind)
);

INSERT INTO report_code_count (stored_in, prefix_code, origin, kind, codes)
SELECT date_bin('15 minutes', timestamp::timestamptz, TIMESTAMPTZ '2000-01-01 00:00:00+00'), left(aggregateidentifier, 5),
       CASE WHEN payloadtype = 'org.isrcregistry.core.recording.IsrcAssigned' THEN 'ASSIGNED' ELSE 'IMPORTED' END,
       convert_from(payload, 'UTF8')::jsonb #>> '{details,metadata,kind}', count(*)
FROM domainevententry
WHERE payloadtype IN ('org.isrcregistry.core.recording.IsrcAssigned',
                      'org.isrcregistry.core.recording.ExistingIsrcRegistered')
GROUP BY 1, 2, 3, 4;

-- The registrants' and prefixes' lifecycle events are few among millions of recording events: the report counts them
-- from this partial index instead of reading the whole store (a recording's events do not enter it).
CREATE INDEX domainevententry_agency_report ON domainevententry (payloadtype, timestamp)
    WHERE payloadtype IN ('org.isrcregistry.core.registrant.RegistrantRegistered',
                          'org.isrcregistry.core.registrant.RegistrantUpdated',
                          'org.isrcregistry.core.registrant.RegistrantDeactivated',
                          'org.isrcregistry.core.prefix.PrefixRegistered',
                          'org.isrcregistry.core.prefix.PrefixTransferred',
                          'org.isrcregistry.core.prefix.PrefixSuspended',
                          'org.isrcregistry.core.prefix.PrefixReinstated');
