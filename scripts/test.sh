#!/usr/bin/env bash
# make test: every test in the repo, against its own fresh PostgreSQL and Redis (scripts/infra.sh test).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/common.sh

ensure_jdk
ensure_node
ensure_chromium
ensure_kubectl
ensure_docker_compose
ensure_promtool
scripts/infra.sh start test
trap 'scripts/infra.sh stop test' EXIT

log "running every test: Maven modules (unit, @QuarkusTest, end to end), the web client (Vitest) and its browser test (Chromium)"
./mvnw -B -ntp verify
