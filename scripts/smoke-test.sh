#!/usr/bin/env bash
# Smoke test a running server: scripts/smoke-test.sh [BASE_URL]   (default http://127.0.0.1:4000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec node scripts/smoke-test.mjs "${1:-${BASE_URL:-http://127.0.0.1:4000}}"
