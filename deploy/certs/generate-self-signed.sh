#!/usr/bin/env bash
# Writes a self-signed TLS pair for staging or a first boot, in the layout nginx expects:
#   <dir>/fullchain.pem  <dir>/privkey.pem
# Usage: deploy/certs/generate-self-signed.sh [hostname] [dir]
#   hostname defaults to localhost, dir to deploy/certs/live (git-ignored).
# Production uses a CA-issued pair (e.g. certbot's live/<domain>/ directory) via TLS_CERT_DIR.
set -euo pipefail

host="${1:-localhost}"
dir="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/live}"
days="${CERT_DAYS:-30}"

command -v openssl >/dev/null || { echo "generate-self-signed: openssl not installed" >&2; exit 2; }
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days "$days" \
  -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
chmod 644 "$dir/fullchain.pem"
echo "$dir/fullchain.pem"
echo "$dir/privkey.pem"
