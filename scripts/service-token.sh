#!/usr/bin/env bash
# Prints an X-Service-Token for calling a service's internal endpoints by hand (valid 5 minutes), signed with the
# secret `make run` keeps in .data/run/service-auth-secret, or with $LANGOMNI_SERVICE_AUTH_SECRET when set:
#   curl -H "X-Service-Token: $(scripts/service-token.sh)" localhost:8084/api/memories/stats
# Format (docs/SECURITY.md): v1.<service>.<epochSeconds>.<base64url HMAC-SHA256(secret, "v1.<service>.<epochSeconds>")>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECRET="${LANGOMNI_SERVICE_AUTH_SECRET:-$(cat "$ROOT/.data/run/service-auth-secret" 2>/dev/null || true)}"
[ -n "$SECRET" ] || { echo "no secret: run make run once, or set LANGOMNI_SERVICE_AUTH_SECRET" >&2; exit 1; }
PAYLOAD="v1.${1:-operator}.$(date +%s)"
SIGNATURE="$(printf '%s' "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 | tr '+/' '-_' | tr -d '=\n')"
printf '%s.%s\n' "$PAYLOAD" "$SIGNATURE"
