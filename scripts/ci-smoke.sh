#!/usr/bin/env bash
# CI: start the built server on the embedded database in a scratch data dir, run the smoke test
# and the browser smoke test (Chromium) against it, then stop it with SIGTERM and check it exits 0.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data_dir="$(mktemp -d)"
port="${SMOKE_PORT:-4517}"
log="$data_dir/server.log"
DATA_DIR="$data_dir" PORT="$port" LOG_LEVEL=warn node server/dist/main.js >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null; rm -rf "$data_dir"; }
trap cleanup EXIT

for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done
status=0
scripts/smoke-test.sh "http://127.0.0.1:$port" || status=1
if command -v chromium >/dev/null; then
  BASE_URL="http://127.0.0.1:$port" node client/test/browser-smoke.mjs || status=1
else
  echo "chromium missing: browser smoke test not run"; status=1
fi
kill -TERM "$pid"
if ! wait "$pid"; then echo "server did not exit cleanly on SIGTERM"; cat "$log"; status=1; fi
[ $status -eq 0 ] || tail -50 "$log"
exit $status
