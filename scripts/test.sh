#!/usr/bin/env bash
# make test: every test in the repo, against its own fresh PostgreSQL and Redis (scripts/infra.sh test).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/common.sh

ensure_jdk
scripts/infra.sh start test
trap 'scripts/infra.sh stop test' EXIT

log "running every Maven module's tests (unit, @QuarkusTest, end to end)"
./mvnw -B -ntp verify
