#!/usr/bin/env bash
# Operations checks for CI: monitoring configs and alert unit tests (promtool, amtool), the
# nginx config (nginx -t), the ops scripts' syntax, and a real PostgreSQL backup -> restore
# round trip. Prints one "ok"/"FAIL" line per check and finally "ops checks: N passed, N failed";
# exits non-zero when any check failed.
#
#   scripts/ci-ops-checks.sh
#
# Needs promtool, amtool, nginx, openssl, pg_dump/pg_restore/psql and a PostgreSQL server that
# lets OPS_PG_URL create databases (default postgres://postgres@127.0.0.1:5432/postgres).
# Missing Debian tools are installed when running as root.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pg_url="${OPS_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
passed=0
failed=0
work="$(mktemp -d)"
source_db="ops_ci_source_$$"

cleanup() {
  psql --dbname="$pg_url" -X -q -c "DROP DATABASE IF EXISTS \"$source_db\" WITH (FORCE);" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# check <name> <command...>: runs the command, shows its output only when it fails.
check() {
  local name="$1"
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "FAIL - $name"
    sed 's/^/    /' "$work/out"
  fi
}

install_missing() {
  local -a packages=()
  command -v promtool >/dev/null || packages+=(prometheus)
  command -v amtool >/dev/null || packages+=(prometheus-alertmanager)
  command -v nginx >/dev/null || packages+=(nginx)
  command -v openssl >/dev/null || packages+=(openssl)
  command -v pg_dump >/dev/null || packages+=(postgresql-client)
  ((${#packages[@]})) || return 0
  if [[ "$(id -u)" != 0 ]]; then
    echo "missing tools (${packages[*]}); install them or run as root" >&2
    return 0
  fi
  echo "installing ${packages[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; } ||
    echo "apt-get install ${packages[*]} failed" >&2
}
install_missing

# --- monitoring -----------------------------------------------------------------------------
prometheus_config() {
  # The config reads the scrape token from /run/secrets (a compose secret); promtool insists
  # the file exists, so check a copy that points at a dummy token.
  mkdir -p "$work/prometheus"
  cp monitoring/alerts.yml "$work/prometheus/"
  echo dummy >"$work/prometheus/metrics_token"
  sed "s#/run/secrets/metrics_token#$work/prometheus/metrics_token#" monitoring/prometheus.yml \
    >"$work/prometheus/prometheus.yml"
  promtool check config "$work/prometheus/prometheus.yml"
}
check "promtool check config monitoring/prometheus.yml" prometheus_config
check "promtool check rules monitoring/alerts.yml" promtool check rules monitoring/alerts.yml
check "promtool test rules monitoring/alerts.test.yml" promtool test rules monitoring/alerts.test.yml
check "amtool check-config monitoring/alertmanager.yml" amtool check-config monitoring/alertmanager.yml

# --- nginx ----------------------------------------------------------------------------------
check "nginx -t deploy/nginx/nginx.conf" deploy/nginx/test-config.sh

# --- scripts --------------------------------------------------------------------------------
syntax() {
  local file
  for file in scripts/*.sh deploy/nginx/*.sh deploy/certs/*.sh; do bash -n "$file" || return 1; done
  for file in scripts/*.mjs; do node --check "$file" || return 1; done
}
check "ops scripts parse (bash -n, node --check)" syntax
check "rollback.sh dry run" env DRY_RUN=1 scripts/rollback.sh 1.0.0
check "rollback.sh refuses a missing tag" bash -c '! scripts/rollback.sh'

# --- PostgreSQL backup and restore ------------------------------------------------------------
source_url() {
  [[ "$pg_url" =~ ^(postgres(ql)?://[^/?]+)(/[^?]*)?(\?.*)?$ ]] || return 1
  echo "${BASH_REMATCH[1]}/$source_db${BASH_REMATCH[4]}"
}

seed_source() {
  psql --dbname="$pg_url" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$source_db\";" &&
    psql --dbname="$(source_url)" -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE account (id bigserial PRIMARY KEY, email text UNIQUE NOT NULL);
CREATE TABLE build (id bigserial PRIMARY KEY, owner_id bigint REFERENCES account(id), code text);
CREATE SCHEMA audit;
CREATE TABLE audit."Event Log" (id bigserial PRIMARY KEY, payload jsonb);
CREATE TABLE empty_table (id int);
INSERT INTO account (email) SELECT 'user' || g || '@example.test' FROM generate_series(1, 120) g;
INSERT INTO build (owner_id, code) SELECT 1 + g % 120, md5(g::text) FROM generate_series(1, 2500) g;
INSERT INTO audit."Event Log" (payload) SELECT jsonb_build_object('n', g) FROM generate_series(1, 40) g;
SQL
}

backup_and_restore() {
  local dir="$work/backups" old file
  mkdir -p "$dir"
  old="$dir/gw2optimizer_20000101T000000Z.dump"
  echo stale >"$old" && touch -d '40 days ago' "$old"
  file="$(DATABASE_URL="$(source_url)" BACKUP_DIR="$dir" scripts/backup-db.sh)" || return 1
  [[ -s "$file" && -s "$file.counts.tsv" ]] || { echo "no dump or manifest at '$file'"; return 1; }
  [[ ! -e "$old" ]] || { echo "retention kept $old"; return 1; }
  grep -qx $'public.build\t2500' "$file.counts.tsv" || { cat "$file.counts.tsv"; return 1; }
  DATABASE_URL="$(source_url)" BACKUP_DIR="$dir" scripts/test-restore.sh
}

restore_detects_mismatch() {
  local dir="$work/tampered" file status
  mkdir -p "$dir"
  file="$(DATABASE_URL="$(source_url)" BACKUP_DIR="$dir" scripts/backup-db.sh)" || return 1
  sed -i $'s/^public.build\t2500$/public.build\t2499/' "$file.counts.tsv"
  DATABASE_URL="$(source_url)" BACKUP_DIR="$dir" scripts/test-restore.sh
  status=$?
  [[ $status == 1 ]] || { echo "expected exit 1 on a count mismatch, got $status"; return 1; }
}

no_scratch_left() {
  local left
  left="$(psql --dbname="$pg_url" -X -A -t -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'restore_check_%'")" || return 1
  [[ "$left" == 0 ]] || { echo "$left scratch databases left behind"; return 1; }
}

check "seed a scratch source database" seed_source
check "backup-db.sh + test-restore.sh round trip (with retention)" backup_and_restore
check "test-restore.sh fails on a row-count mismatch" restore_detects_mismatch
check "test-restore.sh drops its scratch databases" no_scratch_left

echo "ops checks: $passed passed, $failed failed"
((failed == 0))
