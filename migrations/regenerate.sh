#!/usr/bin/env bash
# Regenerate the initial Alembic revision from the models against an EMPTY PostgreSQL
# database, then prove it: upgrade there, `db check` finds nothing, tests/test_migrations.py.
#   migrations/regenerate.sh ["message"]     (server: postgresql://postgres@127.0.0.1)
#   PG_SERVER_URL=postgresql://user:pw@host:5432 migrations/regenerate.sh
# Only while nothing is released: afterwards add revisions with `flask db migrate -m ...`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PG=${PG_SERVER_URL:-postgresql://postgres@127.0.0.1}
DB="wp_regen_$$"
MESSAGE=${1:-initial schema}
flask_db() { DATABASE_URL="$PG/$DB" "$PY" -m flask --app "watchparty:create_app()" db "$@"; }

psql "$PG/postgres" -qc "CREATE DATABASE $DB"
trap 'psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
export REDIS_URL="" ASYNC_MODE=threading
rm -f migrations/versions/*.py
flask_db migrate -m "$MESSAGE"
flask_db upgrade
flask_db check
TEST_DATABASE_URL="$PG/$DB" "$PY" -m pytest -q -p no:cacheprovider tests/test_migrations.py
ls migrations/versions/
