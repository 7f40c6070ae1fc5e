#!/bin/bash
# Runs once, at the database's first start (the postgres image's /docker-entrypoint-initdb.d), as the superuser.
# The registry connects as "registry": it may create tables (its migrations, a read model's rebuild) but it owns neither
# the database nor the schema, so it cannot drop what it does not own. "registry_history" owns no login: after the
# registry's first start, docker/ledger-grants.sql hands it the event store and the ledger (docs/ledger.md).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v password="$REGISTRY_DB_PASSWORD" -v database="$POSTGRES_DB" <<'SQL'
CREATE ROLE registry LOGIN PASSWORD :'password';
CREATE ROLE registry_history NOLOGIN;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO registry;
GRANT USAGE, CREATE ON SCHEMA public TO registry;
SQL
