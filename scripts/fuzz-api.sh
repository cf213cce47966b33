#!/usr/bin/env bash
# Contract run: schemathesis fuzzes every documented endpoint of a live server, on a database
# seeded with real data (scripts/seed_fuzz.py), and checks each response against the OpenAPI
# document: no 5xx, documented status codes, content types, headers and body schemas.
#   scripts/fuzz-api.sh                 # full run, embedded default (SQLite, no Redis)
#   scripts/fuzz-api.sh --quick         # what `make contract` runs: 3 examples, fixed seed
#   DATABASE_URL=postgresql://postgres@127.0.0.1/wp_fuzz REDIS_URL=redis://127.0.0.1:6379/9 scripts/fuzz-api.sh
# Identities: anonymous; admin (a superuser); the normal user, who owns the seeded data, with
# the endpoints that end its session run by a throwaway account, as `victim`. Calls that destroy
# seeded data (DELETE, end, leave, kick, ban...) run after the rest. EXAMPLES sets examples per
# operation (50; 3 with --quick), SEED the generator's seed, PORT/STRIPE_PORT the ports;
# KEEP_REPORTS=1 keeps schemathesis's NDJSON reports in the work folder.
# Summary on stdout; every violation in $VIOLATIONS (default /tmp/notes/violations.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[ "${1:-}" = --quick ] && quick=true
PY=$PWD/.venv/bin/python
FUZZ=$PWD/.venv-fuzz
SCHEMATHESIS=4.32.5  # the check names and options below are this version's
if [ "$("$FUZZ/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $SCHEMATHESIS" ]; then
  python3 -m venv "$FUZZ" && "$FUZZ/bin/pip" install -q "schemathesis==$SCHEMATHESIS"
fi
work=$(mktemp -d)
export PORT=${PORT:-5099} RATELIMIT_ENABLED=false MEDIA_ROOT="$work/media" MAIL_DIR="$work/mail"
export DATABASE_URL=${DATABASE_URL:-sqlite:///$work/fuzz.db} ASYNC_MODE=${ASYNC_MODE:-eventlet}
export JWT_ACCESS_MINUTES=${JWT_ACCESS_MINUTES:-600}  # tokens outlive the run
export TRANSCODE_PRESET=${TRANSCODE_PRESET:-ultrafast} TRANSCODE_LADDER=${TRANSCODE_LADDER:-240,360}
export HLS_SEGMENT_SECONDS=${HLS_SEGMENT_SECONDS:-1}
# Billing runs against localstripe (the Stripe emulator the tests use), as it would against Stripe.
stripe_port=${STRIPE_PORT:-5098}
export STRIPE_API_BASE="http://127.0.0.1:$stripe_port" STRIPE_SECRET_KEY=sk_test_fuzz
export STRIPE_PUBLISHABLE_KEY=pk_test_fuzz STRIPE_WEBHOOK_SECRET=whsec_fuzz
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # the NDJSON reports are large (~150 MB for a full run): kept only when asked for
  [ -n "${KEEP_REPORTS:-}" ] || rm -rf "$work/reports" "$work/media"
  echo "server log: $work/server.log"
}
trap cleanup EXIT
$PY -m localstripe --port "$stripe_port" >"$work/localstripe.log" 2>&1 &
pids+=($!)
flask() { .venv/bin/flask --app "watchparty:create_app()" "$@"; }
flask db upgrade >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
$PY wsgi.py >"$work/server.log" 2>&1 &
pids+=($!)
if [ -n "${REDIS_URL:-}" ]; then  # jobs (transcoding, webhooks) go to RQ: serve them
  $PY -m workers >"$work/worker.log" 2>&1 &
  pids+=($!)
fi
base="http://127.0.0.1:$PORT"
for _ in $(seq 300); do curl -sf "$base/api/test/" >/dev/null && break; sleep 0.3; done
curl -sf "$base/api/test/" >/dev/null || { tail -n 30 "$work/server.log"; exit 1; }
for _ in $(seq 100); do curl -s -o /dev/null "$STRIPE_API_BASE/v1/plans" && break; sleep 0.2; done
curl -s -X DELETE "$STRIPE_API_BASE/_config/data" >/dev/null  # it reloads /tmp/localstripe.pickle

started=$(date +%s)
exports=$($PY scripts/seed_fuzz.py --base "$base" --out "$work" 2>"$work/seed.log") \
  || { grep -v Warning "$work/seed.log" | tail -n 20; exit 1; }
eval "$exports"
echo "seeded in $(($(date +%s) - started)) s: video $SEED_VIDEO_ID, parties $SEED_PARTY_ID"

checks=not_a_server_error,status_code_conformance,content_type_conformance
checks=$checks,response_headers_conformance,response_schema_conformance
if $quick; then examples=${EXAMPLES:-3}; seed=${SEED:-1}; else examples=${EXAMPLES:-50}; seed=${SEED:-}; fi
# The throwaway account's calls end its own session or change its password.
ends_session='/(logout|delete-account|revoke-all|password|change-password|reset-password)/$'
ends_session="$ends_session|/sessions/\{session_id\}/\$|/forgot-password/\$"
# Calls that remove or close seeded data: run last, so the others meet it.
destroys='^DELETE |/(end|leave|kick|ban|suspend|cancel|unsubscribe|transfer-host|reject|decline)/$'
# Maintenance mode (503 for everyone but staff), site settings and staff roles change the site
# for every later caller: only the admin's last pass, after everyone else, switches them.
# Maintenance mode answers 503 to everyone but staff: its own pass, the very last one.
maintenance='/admin/maintenance/$'
destroys="$destroys|$maintenance|/settings/update/\$|/role/\$"
mkdir -p "$work/reports"
pass() {  # pass NAME IDENTITY [schemathesis options]: one run, its NDJSON events kept
  local name=$1 identity=$2
  shift 2
  echo "== $name ($identity)"
  "$FUZZ/bin/schemathesis" --config-file "$work/$identity.toml" run "$base/api/schema/" \
    -c "$checks" -n "$examples" --workers "${threads:-1}" ${seed:+--seed "$seed"} \
    --continue-on-failure --generation-database none --suppress-health-check filter_too_much --report ndjson --report-ndjson-path "$work/reports/$name.ndjson" \
    --no-color "$@" >"$work/$name.log" 2>&1 || true
  tail -n 1 "$work/$name.log" | sed 's/^/   /'
}
# CPython 3.11's AST constructor can fail spuriously when two threads compile at once
# (python/cpython#106905), which schemathesis does with --workers 2: such a pass runs again in
# one thread, so the tool's fault is not reported as the server's.
pass_once() {  # pass_once NAME IDENTITY [options]: pass, and again in one thread on that fault
  pass "$@"
  # the fault shows in the report, or only in the log's traceback when Hypothesis wraps it
  # (a FlakyFailure)
  if grep -qs 'AST constructor recursion depth mismatch' "$work/reports/$1.ndjson" "$work/$1.log"
  then
    echo "   (CPython AST fault in the fuzzer's threads: running $1 again in one thread)"
    threads=1 pass "$@"
  fi
}
bearer() { echo "Authorization: Bearer $1"; }
threads=2 pass_once anonymous anonymous
threads=2 pass_once admin admin -H "$(bearer "$ADMIN_TOKEN")" \
  --exclude-name-regex "$ends_session|$destroys"
threads=2 pass_once user user -H "$(bearer "$USER_TOKEN")" \
  --exclude-name-regex "$ends_session|$destroys"
pass_once user-destroys user -H "$(bearer "$USER_TOKEN")" --include-name-regex "$destroys" \
  --exclude-name-regex "$ends_session"
pass_once victim victim -H "$(bearer "$VICTIM_TOKEN")" --include-name-regex "$ends_session"
pass_once admin-destroys admin -H "$(bearer "$ADMIN_TOKEN")" --include-name-regex "$destroys" \
  --exclude-name-regex "$ends_session|$maintenance"
pass_once admin-maintenance admin -H "$(bearer "$ADMIN_TOKEN")" --include-name-regex "$maintenance"

status=0
r="$work/reports"
$PY scripts/fuzz_report.py --violations "${VIOLATIONS:-/tmp/notes/violations.txt}" \
  "anonymous=$r/anonymous.ndjson" "admin=$r/admin.ndjson,$r/admin-destroys.ndjson,$r/admin-maintenance.ndjson" \
  "user=$r/user.ndjson,$r/user-destroys.ndjson,$r/victim.ndjson" || status=1
for log in "$work/server.log" "$work/worker.log"; do
  if [ -f "$log" ] && grep -q Traceback "$log"; then echo "traceback in $log"; status=1; fi
done
echo "ran in $(($(date +%s) - started)) s (schemathesis logs: $work/*.log)"
exit $status
