#!/usr/bin/env bash
# Rolls the application back to an earlier image tag, one service at a time so nginx always
# has a healthy API instance: api-1, then api-2, then the worker. PostgreSQL, Redis and nginx
# are left alone. Database migrations are NOT reverted: read the guidance printed at the end.
#
#   scripts/rollback.sh <image-tag>                   e.g. scripts/rollback.sh 1.4.2
#
# Environment:
#   ENV_FILE          compose env file with the production secrets (default .env.production)
#   COMPOSE_FILE      default docker-compose.prod.yml
#   IMAGE_REPOSITORY  default gw2optimizer (as in the compose file)
#   DRY_RUN=1         print the commands instead of running them
# Exit codes: 0 rolled back, 1 a step failed (the stack may be half rolled back: rerun or roll
# forward), 2 bad usage, image not found or docker compose missing.
set -euo pipefail

log() { printf '%s rollback: %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }
die() { log "$2"; exit "$1"; }

tag="${1:-}"
[[ -n "$tag" && "$tag" != -* ]] || die 2 "usage: scripts/rollback.sh <image-tag>  (the release to go back to)"
[[ "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die 2 "not a valid image tag: $tag"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_file="${ENV_FILE:-$root/.env.production}"
compose_file="${COMPOSE_FILE:-$root/docker-compose.prod.yml}"
image="${IMAGE_REPOSITORY:-gw2optimizer}:$tag"
dry_run="${DRY_RUN:-0}"

run() {
  if [[ "$dry_run" == 1 ]]; then
    printf '+ %s\n' "$*"
  else
    "$@"
  fi
}

compose=(docker compose --env-file "$env_file" -f "$compose_file")
if [[ "$dry_run" != 1 ]]; then
  docker compose version >/dev/null 2>&1 || die 2 "docker compose (v2) is not available"
  [[ -r "$env_file" ]] || die 2 "cannot read ENV_FILE $env_file"
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    log "$image is not on this host; pulling it"
    docker pull "$image" >/dev/null || die 2 "image $image not found locally or in the registry"
  fi
  current="$(docker inspect --format '{{.Config.Image}}' "$("${compose[@]}" ps -q api-1)" 2>/dev/null || true)"
  log "running now: ${current:-unknown}; rolling back to $image"
fi

export IMAGE_TAG="$tag"
# --no-deps: leave the databases and nginx running; --wait: block until healthy before the
# next instance goes down.
for service in api-1 api-2 worker; do
  log "recreating $service on $image"
  run "${compose[@]}" up -d --no-deps --wait --wait-timeout 180 "$service" ||
    die 1 "$service did not become healthy on $image; check: docker compose -f docker-compose.prod.yml logs $service"
done
log "rolled back to $image"

cat >&2 <<GUIDANCE

Next: set IMAGE_TAG=$tag in $env_file, or the next "docker compose up" brings the
previous release back (the shell's IMAGE_TAG only applied to this run).

Database migrations were not touched. The server applies migrations at start and never
reverts them; the older release now runs against the newer schema. See what was applied
(compare with server/src/platform/db/migrations of release $tag):

  docker compose --env-file $env_file -f $compose_file exec postgres sh -c \\
    'psql -U "\$POSTGRES_USER" -d "\$POSTGRES_DB" -c "SELECT name, executed_at FROM mikro_orm_migrations ORDER BY id DESC LIMIT 5"'

- Additive changes (new tables, nullable columns): nothing to do.
- Changes the older code cannot read (dropped/renamed columns, new NOT NULL columns): restore
  the last backup taken before the deploy (docs/RUNBOOK.md#restore-postgresql) or roll
  forward with a fix. Never delete rows from mikro_orm_migrations by hand.
Record the rollback in the incident timeline (docs/RUNBOOK.md#incident-response).
GUIDANCE
