#!/usr/bin/env bash
# Backs up the PostgreSQL database with pg_dump (custom format, compressed) into BACKUP_DIR,
# with a row-count manifest taken in the same snapshot, then deletes dumps older than
# RETENTION_DAYS. Prints the path of the new dump on stdout; progress goes to stderr.
#
#   DATABASE_URL=postgres://user:pass@host:5432/db BACKUP_DIR=/var/backups/gw2optimizer \
#     scripts/backup-db.sh
#
# Environment:
#   DATABASE_URL     connection URL; when unset, libpq's PGHOST/PGPORT/PGUSER/PGDATABASE/...
#   BACKUP_DIR       where dumps go (default /var/backups/gw2optimizer)
#   BACKUP_PREFIX    file name prefix (default gw2optimizer)
#   RETENTION_DAYS   dumps older than this many days are deleted (default 30)
# Exit codes: 0 done, 1 dump or verification failed, 2 bad usage or missing tools.
# Files: <prefix>_<UTC timestamp>.dump and <same>.dump.counts.tsv (schema.table<TAB>rows).
# pg_dump must be at least the server's major version (PostgreSQL 16 in production: run it
# from the postgres:16 image, see docs/RUNBOOK.md#backups).
set -euo pipefail
umask 077 # dumps hold every user's data

log() { printf '%s backup-db: %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }
die() { log "$2"; exit "$1"; }

backup_dir="${BACKUP_DIR:-/var/backups/gw2optimizer}"
prefix="${BACKUP_PREFIX:-gw2optimizer}"
retention="${RETENTION_DAYS:-30}"
[[ "$retention" =~ ^[0-9]+$ ]] || die 2 "RETENTION_DAYS must be a whole number of days, got '$retention'"
[[ "$prefix" =~ ^[A-Za-z0-9._-]+$ ]] || die 2 "BACKUP_PREFIX may only contain letters, digits, . _ -"
for tool in pg_dump pg_restore psql; do
  command -v "$tool" >/dev/null || die 2 "$tool not found (install postgresql-client)"
done

conn=()
if [[ -n "${DATABASE_URL:-}" ]]; then conn=(--dbname="$DATABASE_URL"); fi

mkdir -p "$backup_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$backup_dir/${prefix}_${stamp}.dump"
partial="$file.partial"
counts_partial="$file.counts.tsv.partial"
cleanup() { rm -f "$partial" "$counts_partial"; }
trap cleanup EXIT

# Row counts of every user table, as "schema.table<TAB>rows", ordered.
COUNT_SQL="SELECT format('%s.%s', table_schema, table_name) || E'\t' ||
  (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I',
    table_schema, table_name), false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
  AND table_schema NOT LIKE 'pg_toast%' AND table_schema NOT LIKE 'pg_temp%'
ORDER BY 1;"

# One read-only transaction exports its snapshot, counts rows in it, and holds it open while
# pg_dump dumps that same snapshot: the manifest describes exactly what the dump contains.
coproc SNAPSHOT { psql "${conn[@]}" -X -q -A -t -v ON_ERROR_STOP=1 2>&1; }
snapshot_in="${SNAPSHOT[1]}"
snapshot_out="${SNAPSHOT[0]}"
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" "SELECT pg_export_snapshot();" >&"$snapshot_in"
read -r -t 60 snapshot <&"$snapshot_out" || die 1 "could not open a snapshot (is the database reachable?)"
[[ "$snapshot" =~ ^[0-9A-F-]+$ ]] || die 1 "could not open a snapshot: $snapshot"

printf '%s\n' "$COUNT_SQL" "SELECT '--end--';" >&"$snapshot_in"
: >"$counts_partial"
while true; do
  read -r -t 600 line <&"$snapshot_out" || die 1 "counting rows failed"
  [[ "$line" == "--end--" ]] && break
  [[ "$line" == *$'\t'* ]] || die 1 "counting rows failed: $line"
  printf '%s\n' "$line" >>"$counts_partial"
done

log "dumping to $file (snapshot $snapshot)"
if ! pg_dump "${conn[@]}" --format=custom --compress=6 --no-password --snapshot="$snapshot" \
  --file="$partial"; then
  die 1 "pg_dump failed"
fi
printf '%s\n' "COMMIT;" '\q' >&"$snapshot_in"
wait "$SNAPSHOT_PID" 2>/dev/null || true

# A dump pg_restore cannot list is not a backup.
pg_restore --list "$partial" >/dev/null || die 1 "the dump is unreadable: $partial"
mv "$counts_partial" "$file.counts.tsv"
mv "$partial" "$file"
log "wrote $(du -h "$file" | cut -f1) with $(wc -l <"$file.counts.tsv") tables"

# Retention only after a good backup, and only this script's own files.
find "$backup_dir" -maxdepth 1 -type f \
  \( -name "${prefix}_*.dump" -o -name "${prefix}_*.dump.counts.tsv" \) \
  -mtime +"$retention" -print -delete | sed 's/^/removed expired backup: /' >&2

echo "$file"
