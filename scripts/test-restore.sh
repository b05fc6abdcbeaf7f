#!/usr/bin/env bash
# Proves the newest backup restores: creates a scratch database on the source's server,
# pg_restores the newest dump in BACKUP_DIR into it, compares the row count of every user
# table with the counts recorded at dump time (the .counts.tsv manifest written by
# backup-db.sh; without one, with the live source, which drifts on a busy database), then
# drops the scratch database, also on failure.
#
#   DATABASE_URL=postgres://user:pass@host:5432/db BACKUP_DIR=/var/backups/gw2optimizer \
#     scripts/test-restore.sh
#
# Environment: DATABASE_URL (or PGHOST/PGPORT/PGUSER/PGDATABASE/...), BACKUP_DIR and
# BACKUP_PREFIX as for backup-db.sh. The user needs CREATEDB on that server.
# Exit codes: 0 restored and every count matches, 1 restore failed or counts differ,
# 2 bad usage, missing tools or no backup found.
set -euo pipefail

log() { printf '%s test-restore: %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }
die() { log "$2"; exit "$1"; }

backup_dir="${BACKUP_DIR:-/var/backups/gw2optimizer}"
prefix="${BACKUP_PREFIX:-gw2optimizer}"
for tool in pg_restore psql; do
  command -v "$tool" >/dev/null || die 2 "$tool not found (install postgresql-client)"
done

[[ -d "$backup_dir" ]] || die 2 "BACKUP_DIR $backup_dir does not exist"
dump="$(find "$backup_dir" -maxdepth 1 -type f -name "${prefix}_*.dump" -printf '%T@ %p\n' |
  sort -n | tail -n 1 | cut -d' ' -f2-)"
[[ -n "$dump" ]] || die 2 "no ${prefix}_*.dump in $backup_dir"

scratch="restore_check_$(date -u +%Y%m%d%H%M%S)_$$"
source_conn=()
scratch_conn=()
if [[ -n "${DATABASE_URL:-}" ]]; then
  # Same server and credentials, other database: swap the URL's path.
  if [[ ! "$DATABASE_URL" =~ ^(postgres(ql)?://[^/?]+)(/[^?]*)?(\?.*)?$ ]]; then
    die 2 "DATABASE_URL is not a postgres:// URL"
  fi
  source_conn=(--dbname="$DATABASE_URL")
  scratch_conn=(--dbname="${BASH_REMATCH[1]}/$scratch${BASH_REMATCH[4]}")
else
  scratch_conn=(--dbname="$scratch")
fi
psql_source() { psql "${source_conn[@]}" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
psql_scratch() { psql "${scratch_conn[@]}" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

COUNT_SQL="SELECT format('%s.%s', table_schema, table_name) || E'\t' ||
  (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I',
    table_schema, table_name), false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
  AND table_schema NOT LIKE 'pg_toast%' AND table_schema NOT LIKE 'pg_temp%'
ORDER BY 1;"

work="$(mktemp -d)"
created=false
cleanup() {
  if $created; then
    psql_source -c "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE);" >/dev/null ||
      log "could not drop scratch database $scratch: drop it by hand"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log "restoring $dump into scratch database $scratch"
psql_source -c "CREATE DATABASE \"$scratch\";" >/dev/null
created=true
# --no-owner/--no-privileges: the scratch copy belongs to whoever runs the check.
pg_restore "${scratch_conn[@]}" --no-owner --no-privileges --exit-on-error "$dump" ||
  die 1 "pg_restore failed for $dump"

if [[ -s "$dump.counts.tsv" ]]; then
  cp "$dump.counts.tsv" "$work/expected"
  expected_from="the dump's manifest"
else
  log "no manifest $dump.counts.tsv: comparing with the live source, which may have moved on"
  psql_source -c "$COUNT_SQL" >"$work/expected"
  expected_from="the live source"
fi
psql_scratch -c "$COUNT_SQL" >"$work/restored"

tables="$(wc -l <"$work/expected")"
if ! diff_output="$(diff "$work/expected" "$work/restored")"; then
  log "row counts differ from $expected_from (< expected, > restored):"
  printf '%s\n' "$diff_output" >&2
  exit 1
fi
rows="$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$work/restored")"
log "OK: $tables tables, $rows rows restored from $(basename "$dump") match $expected_from"
