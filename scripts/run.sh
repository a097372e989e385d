#!/usr/bin/env bash
# make run: sets up, builds and runs the whole platform in the foreground; Ctrl-C stops all of it.
#   LLM=rules (default) the rule narrator and retrieval dialog, no GPU needed
#   SKIP_BUILD=1        reuse the last build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/common.sh

LLM="${LLM:-rules}"
[ "$LLM" = rules ] || die "LLM=$LLM is not available yet; only LLM=rules (the default) is"

DATA="$ROOT/.data/run"
LOGS="$DATA/logs"
mkdir -p "$LOGS"

# Services in start order: name, module, port.
SERVICES=(
  "memory memory-service 8084"
  "world-llm world-llm-service 8082"
  "npc-llm npc-llm-service 8083"
  "orchestrator orchestrator-service 8081"
  "gateway gateway-service 8080"
)
PIDS=()

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cleanup() {
  trap - INT TERM EXIT
  # A second Ctrl-C, or the terminal going away when make exits first, must not cut the shutdown short.
  trap '' INT TERM HUP
  log "stopping services"
  # Reverse start order, one at a time: the gateway first, so it can still tell the orchestrator that its
  # players left (otherwise they would linger as online in Redis across runs).
  local i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[$i]}"
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  scripts/infra.sh stop run || true
  log "stopped"
}

ensure_jdk
ensure_curl
for s in "${SERVICES[@]}"; do
  set -- $s
  port_busy "$3" && die "port $3 (for $1) is already in use; stop whatever listens there"
done

trap 'cleanup; exit 0' INT TERM
trap cleanup EXIT
scripts/infra.sh start run

# No gateway is running yet, so nobody is online: clear presence a killed run may have left in Redis.
for pattern in 'langomni:online:*' 'langomni:presence:*'; do
  redis-cli -p "${REDIS_PORT:-16379}" --scan --pattern "$pattern" | xargs -r redis-cli -p "${REDIS_PORT:-16379}" del >/dev/null
done

# Token signing secret: generated once, kept with the data so tokens survive restarts.
SECRET_FILE="$DATA/auth-secret"
if [ ! -s "$SECRET_FILE" ]; then
  head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$SECRET_FILE"
  chmod 600 "$SECRET_FILE"
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building (first build downloads ~450 MB of dependencies)"
  ./mvnw -B -q -ntp -DskipTests package || die "build failed"
fi

export DB_HOST=127.0.0.1 DB_PORT="${DB_PORT:-15432}" DB_NAME=langomni DB_USER=langomni DB_PASSWORD=langomni
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:16379}"
export LANGOMNI_AUTH_SECRET="$(cat "$SECRET_FILE")"
export LANGOMNI_MEMORY_DATA_DIR="${LANGOMNI_MEMORY_DATA_DIR:-$DATA/memory}"
export ORCHESTRATOR_URL=http://localhost:8081 WORLD_LLM_SERVICE_URL=http://localhost:8082 \
  NPC_LLM_SERVICE_URL=http://localhost:8083 MEMORY_SERVICE_URL=http://localhost:8084 GATEWAY_URL=http://localhost:8080

for s in "${SERVICES[@]}"; do
  set -- $s
  log "starting $1 on :$3 (log: .data/run/logs/$1.log)"
  QUARKUS_HTTP_PORT="$3" java ${JAVA_OPTS:--Xmx512m} -jar "$2/target/quarkus-app/quarkus-run.jar" >"$LOGS/$1.log" 2>&1 &
  PIDS+=($!)
done

# Wait until every service reports ready; a service that dies fails the run with its log.
deadline=$((SECONDS + 180))
i=0
for s in "${SERVICES[@]}"; do
  set -- $s
  pid="${PIDS[$i]}"; i=$((i + 1))
  until curl -fs -o /dev/null "http://localhost:$3/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$LOGS/$1.log" >&2; die "$1 exited during startup"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$LOGS/$1.log" >&2; die "$1 not ready after 180 s"; }
    sleep 0.5
  done
  log "$1 ready"
done

cat <<MSG

  LangOmni Adventure is running (narration: $LLM).
    Players and API   http://localhost:8080        WebSocket ws://localhost:8080/ws/game/{playerId}?token=...
    Health            http://localhost:8080/api/health/detailed
    Metrics           http://localhost:808[0-4]/q/metrics     OpenAPI http://localhost:8081/q/openapi
    Logs              .data/run/logs/
  Ctrl-C stops everything.

MSG

# Foreground until Ctrl-C/SIGTERM or until a service dies.
wait -n "${PIDS[@]}" || true
log "a service exited unexpectedly; see .data/run/logs/"
exit 1
