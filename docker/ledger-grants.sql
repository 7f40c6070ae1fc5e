-- The registry's history is append-only for the application (docs/ledger.md, "The database role").
-- Run as a superuser once the registry has migrated its schema (compose's "history-grants" service does, after the
-- registry is healthy); running it again changes nothing:
--   docker compose -f docker/compose.yml exec postgres psql -U postgres -d registry -f /ledger-grants.sql
-- Afterwards the application's role "registry" may read and append events, leaves, tree nodes and checkpoints, and
-- nothing else: no UPDATE, DELETE or TRUNCATE, and, not owning them, no ALTER or DROP. Changing history takes the
-- superuser, whose sessions PostgreSQL's logging (log_connections, pgaudit) records. A future migration that alters
-- one of these tables is run as the superuser.
\set ON_ERROR_STOP on
BEGIN;
ALTER TABLE domainevententry OWNER TO registry_history;   -- its global index sequence follows the table
ALTER TABLE ledger_leaf OWNER TO registry_history;
ALTER TABLE ledger_node OWNER TO registry_history;
ALTER TABLE ledger_checkpoint OWNER TO registry_history;  -- and its id sequence
REVOKE ALL ON domainevententry, ledger_leaf, ledger_node, ledger_checkpoint FROM registry;
GRANT SELECT, INSERT ON domainevententry, ledger_leaf, ledger_node, ledger_checkpoint TO registry;
GRANT USAGE, SELECT ON SEQUENCE domain_event_global_index_seq, ledger_checkpoint_id_seq TO registry;
COMMIT;
-- What the application may do with them now: SELECT and INSERT only.
SELECT table_name, string_agg(privilege_type, ', ' ORDER BY privilege_type) AS registry_may
FROM information_schema.role_table_grants
WHERE grantee = 'registry'
  AND table_name IN ('domainevententry', 'ledger_leaf', 'ledger_node', 'ledger_checkpoint')
GROUP BY table_name ORDER BY table_name;
