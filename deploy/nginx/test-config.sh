#!/usr/bin/env bash
# Checks deploy/nginx/nginx.conf with `nginx -t`, without root paths or Docker DNS:
# a copy of the config gets a throwaway self-signed certificate, 127.0.0.1 upstreams (nginx
# resolves upstream hostnames while testing), and temp-dir pid/log paths.
# Usage: deploy/nginx/test-config.sh [path/to/nginx.conf]     Needs: nginx, openssl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
conf="${1:-$here/nginx.conf}"
command -v nginx >/dev/null || { echo "test-config: nginx not installed" >&2; exit 2; }
command -v openssl >/dev/null || { echo "test-config: openssl not installed" >&2; exit 2; }
[[ -r "$conf" ]] || { echo "test-config: cannot read $conf" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/certs" "$tmp/logs"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$tmp/certs/privkey.pem" -out "$tmp/certs/fullchain.pem" 2>/dev/null

# The "user" line names the image's account, which a test host may not have.
sed -E \
  -e 's#^user [^;]+;#\# user removed for the test#' \
  -e 's#server (api-[0-9]+):([0-9]+)#server 127.0.0.1:\2#' \
  -e "s#/etc/nginx/certs/#$tmp/certs/#g" \
  -e "s#/var/log/nginx/#$tmp/logs/#g" \
  -e "s#/var/run/nginx.pid#$tmp/nginx.pid#" \
  "$conf" >"$tmp/nginx.conf"

if ! grep -q 'server 127.0.0.1:4000' "$tmp/nginx.conf"; then
  echo "test-config: expected upstream servers api-N:4000 in $conf" >&2
  exit 1
fi

nginx -t -q -p "$tmp/" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf"
echo "nginx config OK: $conf"
