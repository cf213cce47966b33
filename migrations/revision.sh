#!/usr/bin/env bash
# Add an Alembic revision for model changes, generated against an EMPTY PostgreSQL database
# upgraded to the current head, then prove it: upgrade, `db check` finds nothing left,
# tests/test_migrations.py passes.
#   migrations/revision.sh "what changed"   (server: postgresql://postgres@127.0.0.1)
#   PG_SERVER_URL=postgresql://user:pw@host:5432 migrations/revision.sh "what changed"
# Review the generated file before committing it; never edit a released revision.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PG=${PG_SERVER_URL:-postgresql://postgres@127.0.0.1}
DB="wp_revision_$$"
MESSAGE=${1:?usage: migrations/revision.sh "what changed"}
flask_db() { DATABASE_URL="$PG/$DB" "$PY" -m flask --app "watchparty:create_app()" db "$@"; }

psql "$PG/postgres" -qc "CREATE DATABASE $DB"
trap 'psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
export REDIS_URL="" ASYNC_MODE=threading
flask_db upgrade
flask_db migrate -m "$MESSAGE"
flask_db upgrade
flask_db check
TEST_DATABASE_URL="$PG/$DB" "$PY" -m pytest -q -p no:cacheprovider tests/test_migrations.py
ls migrations/versions/
