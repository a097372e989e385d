#!/usr/bin/env bash
# Writes a self-signed certificate for local use of docker-compose's nginx into deploy/nginx/certs/ (tls.crt,
# tls.key). Browsers will warn about it; for a public host put a real certificate there instead (e.g. Let's
# Encrypt's fullchain.pem as tls.crt and privkey.pem as tls.key) or point NGINX_CERT_DIR at its directory.
set -euo pipefail
host="${1:-localhost}"
dir="$(cd "$(dirname "$0")" && pwd)/certs"
command -v openssl >/dev/null || { echo "openssl is missing: apt-get install -y openssl" >&2; exit 1; }
if [ -e "$dir/tls.crt" ] || [ -e "$dir/tls.key" ]; then
  echo "$dir already holds a certificate; remove tls.crt and tls.key first" >&2
  exit 1
fi
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$host" \
  -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
chmod 600 "$dir/tls.key" # nginx reads it as root, before dropping privileges
echo "wrote $dir/tls.crt and $dir/tls.key for $host (valid 365 days)"
