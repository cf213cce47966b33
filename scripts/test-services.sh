#!/usr/bin/env bash
# Make sure PostgreSQL and Redis answer on loopback for the tests; start (or install and start) them.
set -euo pipefail
need_apt_update=1
apt_install() {
  if [ "$need_apt_update" = 1 ]; then apt-get update -qq; need_apt_update=0; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  for _ in $(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi

# coturn for the WebRTC tests: TURN REST API credentials (use-auth-secret) with the secret
# tests/voice/conftest.py uses, on loopback only, relaying to loopback peers.
TURN_PORT=${TURN_PORT:-3478}
TURN_SECRET=${TURN_SECRET:-test-turn-secret}
if ! (ss -lun 2>/dev/null || true) | grep -q "127.0.0.1:$TURN_PORT "; then
  command -v turnserver >/dev/null || apt_install coturn
  turnserver --daemon --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port="$TURN_PORT" \
    --min-port=49160 --max-port=49200 --use-auth-secret --static-auth-secret="$TURN_SECRET" \
    --realm=watchparty.test --fingerprint --no-tls --no-dtls --no-cli --allow-loopback-peers \
    --no-multicast-peers --pidfile=/tmp/watchparty-turnserver.pid \
    --log-file=/tmp/watchparty-turnserver.log --simple-log
  for _ in $(seq 30); do (ss -lun 2>/dev/null || true) | grep -q "127.0.0.1:$TURN_PORT " && break; sleep 0.2; done
fi

db=watchparty_test
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
fi
echo "services ready: PostgreSQL (database $db), Redis and coturn (TURN :$TURN_PORT) on 127.0.0.1"
