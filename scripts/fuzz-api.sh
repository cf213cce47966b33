#!/usr/bin/env bash
# Fuzz every documented endpoint with schemathesis against a live server; fails on any 5xx.
#   scripts/fuzz-api.sh                 # embedded default (SQLite, no Redis)
#   DATABASE_URL=postgresql://postgres@127.0.0.1/wp_fuzz REDIS_URL=redis://127.0.0.1:6379/9 scripts/fuzz-api.sh
# Signs up a superuser, fuzzes with its token (destructive endpoints separately, with a second
# account), then anonymously. EXAMPLES sets examples per operation (default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
FUZZ=.venv-fuzz
[ -x "$FUZZ/bin/schemathesis" ] || { python3 -m venv "$FUZZ"; "$FUZZ/bin/pip" install -q schemathesis; }
work=$(mktemp -d)
export PORT=${PORT:-5099} RATELIMIT_ENABLED=false MEDIA_ROOT="$work/media" MAIL_DIR="$work/mail"
export DATABASE_URL=${DATABASE_URL:-sqlite:///$work/fuzz.db} ASYNC_MODE=${ASYNC_MODE:-eventlet}
# Billing runs against localstripe (the Stripe emulator the tests use), as it would against Stripe.
stripe_port=${STRIPE_PORT:-5098}
$PY -m localstripe --port "$stripe_port" >"$work/localstripe.log" 2>&1 &
stripe=$!
export STRIPE_API_BASE="http://127.0.0.1:$stripe_port" STRIPE_SECRET_KEY=sk_test_fuzz
export STRIPE_PUBLISHABLE_KEY=pk_test_fuzz STRIPE_WEBHOOK_SECRET=whsec_fuzz
flask() { .venv/bin/flask --app "watchparty:create_app()" "$@"; }
flask db upgrade >/dev/null 2>&1
$PY wsgi.py >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server $stripe 2>/dev/null; echo "server log: $work/server.log"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$PORT/api/test/" >/dev/null && break; sleep 0.3; done

base="http://127.0.0.1:$PORT"
signup() {
  curl -s -X POST "$base/api/auth/register/" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Good-Passw0rd!\",\"confirm_password\":\"Good-Passw0rd!\",\"first_name\":\"F\",\"last_name\":\"Z\"}" \
    | $PY -c "import sys, json; print(json.load(sys.stdin)['access_token'])"
}
admin_token=$(signup "fuzz-admin-$$@example.com")
flask admin promote "fuzz-admin-$$@example.com" --superuser >/dev/null
victim_token=$(signup "fuzz-victim-$$@example.com")
destructive='logout|delete-account|revoke-all|sessions/\{session_id\}|password'
run() { "$FUZZ/bin/schemathesis" run "$base/api/schema/" -c not_a_server_error -n "${EXAMPLES:-50}" "$@"; }

status=0
run -H "Authorization: Bearer $admin_token" --exclude-path-regex "$destructive" --workers 2 || status=1
run -H "Authorization: Bearer $victim_token" --include-path-regex "$destructive" || status=1
run --workers 2 || status=1
if grep -q Traceback "$work/server.log"; then echo "server logged a traceback"; status=1; fi
exit $status
