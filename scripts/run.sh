#!/usr/bin/env bash
# make run: sets up, builds and runs the whole platform in the foreground; Ctrl-C stops all of it.
#   LLM=rules (default) the rule narrator and retrieval dialog, no GPU needed; WORLD_LLM_URL / NPC_LLM_URLS
#                       in the environment point the services at real OpenAI-compatible servers instead
#   LLM=sim             the vLLM simulator: one world server (:8090) and four NPC replicas (:8091-8094)
#   SKIP_BUILD=1        reuse the last build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/common.sh

LLM="${LLM:-rules}"
case "$LLM" in
  rules | sim) ;;
  *) die "LLM=$LLM is unknown: use LLM=rules (default) or LLM=sim; real servers: WORLD_LLM_URL / NPC_LLM_URLS" ;;
esac

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
# With LLM=sim: the simulators, started first (name, profile, port).
SIMULATORS=()
if [ "$LLM" = sim ]; then
  SIMULATORS=("sim-world world-70b 8090" "sim-npc-1 npc-8b 8091" "sim-npc-2 npc-8b 8092" "sim-npc-3 npc-8b 8093"
    "sim-npc-4 npc-8b 8094")
  [ -z "${WORLD_LLM_URL:-}${NPC_LLM_URLS:-}" ] || die "LLM=sim starts its own simulators: unset WORLD_LLM_URL / NPC_LLM_URLS"
  export WORLD_LLM_URL=http://localhost:8090/v1
  export NPC_LLM_URLS=http://localhost:8091/v1,http://localhost:8092/v1,http://localhost:8093/v1,http://localhost:8094/v1
  # the world simulator also answers /v1/moderations (a world's "endpoint" moderation mode)
  export LANGOMNI_MODERATION_URL="${LANGOMNI_MODERATION_URL:-http://localhost:8090/v1}"
fi
PIDS=()
# The services of this run, one pid a line: a run killed with -9 cannot stop its children, so the next run
# stops whatever a previous one left (only processes still running one of this checkout's jars).
PID_FILE="$DATA/pids"

stop_leftovers() {
  [ -s "$PID_FILE" ] || return 0
  local pid stopped=()
  while read -r pid; do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$ROOT" ] || continue
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'quarkus-app/quarkus-run.jar' || continue
    kill -TERM "$pid" 2>/dev/null && stopped+=("$pid")
  done <"$PID_FILE"
  if [ ${#stopped[@]} -gt 0 ]; then
    log "stopping ${#stopped[@]} service(s) an earlier run left behind"
    for _ in $(seq 1 150); do
      local alive=0
      for pid in "${stopped[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ $alive = 0 ] && break
      sleep 0.1
    done
    for pid in "${stopped[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  fi
  rm -f "$PID_FILE"
}

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
  rm -f "$PID_FILE"
  scripts/infra.sh stop run || true
  log "stopped"
}

ensure_jdk
ensure_curl
ensure_node
stop_leftovers
for s in "${SIMULATORS[@]}" "${SERVICES[@]}"; do
  set -- $s
  port_busy "$3" && die "port $3 (for $1) is already in use; stop whatever listens there"
done

trap 'cleanup; exit 0' INT TERM
trap cleanup EXIT
scripts/infra.sh start run

# No gateway is running yet, so nobody is online: clear presence a killed run may have left in Redis.
for pattern in 'langomni:online:*' 'langomni:room:*' 'langomni:presence:*'; do
  redis-cli -p "${REDIS_PORT:-16379}" --scan --pattern "$pattern" | xargs -r redis-cli -p "${REDIS_PORT:-16379}" del >/dev/null
done

# Token signing secret: generated once, kept with the data so tokens survive restarts.
SECRET_FILE="$DATA/auth-secret"
if [ ! -s "$SECRET_FILE" ]; then
  head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$SECRET_FILE"
  chmod 600 "$SECRET_FILE"
fi

# Service-to-service secret (X-Service-Token, docs/SECURITY.md): generated once per data dir, shared by every service.
SERVICE_SECRET_FILE="$DATA/service-auth-secret"
if [ ! -s "$SERVICE_SECRET_FILE" ]; then
  head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$SERVICE_SECRET_FILE"
  chmod 600 "$SERVICE_SECRET_FILE"
fi

# First admin account (name "admin"): password generated once and kept with the data. The orchestrator creates the
# account with it and then leaves its password alone (it changes in the admin panel); a newly generated file also
# resets an account the database already has, so that the file is right. Back to the file's password after a
# change in the panel: LANGOMNI_ADMIN_RESET_PASSWORD=true make run.
ADMIN_FILE="$DATA/admin-password"
if [ ! -s "$ADMIN_FILE" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '\n/+=' > "$ADMIN_FILE"
  chmod 600 "$ADMIN_FILE"
  export LANGOMNI_ADMIN_RESET_PASSWORD=true
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building (first build downloads ~450 MB of dependencies)"
  ./mvnw -B -q -ntp -DskipTests package || die "build failed"
fi

export DB_HOST=127.0.0.1 DB_PORT="${DB_PORT:-15432}" DB_NAME=langomni DB_USER=langomni DB_PASSWORD=langomni
# the orchestrator, the gateways and world-llm (its stream limit for the whole world backend) share this Redis
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:16379}"
export LANGOMNI_AUTH_SECRET="$(cat "$SECRET_FILE")"
export LANGOMNI_SERVICE_AUTH_SECRET="$(cat "$SERVICE_SECRET_FILE")"
export LANGOMNI_ADMIN_PASSWORD="$(cat "$ADMIN_FILE")"
export LANGOMNI_MEMORY_DATA_DIR="${LANGOMNI_MEMORY_DATA_DIR:-$DATA/memory}"
export ORCHESTRATOR_URL=http://localhost:8081 WORLD_LLM_SERVICE_URL=http://localhost:8082 \
  NPC_LLM_SERVICE_URL=http://localhost:8083 MEMORY_SERVICE_URL=http://localhost:8084 GATEWAY_URL=http://localhost:8080

# Waits until $3 answers 200; a process that dies or a 180 s deadline fails the run with its log.
await_ready() {
  local name="$1" pid="$2" url="$3"
  until curl -fs -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$LOGS/$name.log" >&2; die "$name exited during startup"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$LOGS/$name.log" >&2; die "$name not ready after 180 s"; }
    sleep 0.5
  done
  log "$name ready"
}
deadline=$((SECONDS + 180))

for s in "${SIMULATORS[@]}"; do
  set -- $s
  log "starting $1 (simulated $2) on :$3 (log: .data/run/logs/$1.log)"
  SIM_PROFILE="$2" QUARKUS_HTTP_PORT="$3" java -Xmx128m -XX:+UseSerialGC \
    -jar llm-simulator/target/quarkus-app/quarkus-run.jar >"$LOGS/$1.log" 2>&1 &
  PIDS+=($!); echo $! >>"$PID_FILE"
done
for s in "${SERVICES[@]}"; do
  set -- $s
  log "starting $1 on :$3 (log: .data/run/logs/$1.log)"
  QUARKUS_HTTP_PORT="$3" java ${JAVA_OPTS:--Xmx512m} -jar "$2/target/quarkus-app/quarkus-run.jar" >"$LOGS/$1.log" 2>&1 &
  PIDS+=($!); echo $! >>"$PID_FILE"
done

i=0
for s in "${SIMULATORS[@]}"; do
  set -- $s
  await_ready "$1" "${PIDS[$i]}" "http://localhost:$3/health"; i=$((i + 1))
done
for s in "${SERVICES[@]}"; do
  set -- $s
  await_ready "$1" "${PIDS[$i]}" "http://localhost:$3/q/health/ready"; i=$((i + 1))
done

case "$LLM" in
  sim) NARRATION="simulated vLLM: world :8090, NPC replicas :8091-8094" ;;
  *) if [ -n "${WORLD_LLM_URL:-}${NPC_LLM_URLS:-}" ]; then
       NARRATION="${WORLD_LLM_URL:+world LLM $WORLD_LLM_URL; }${NPC_LLM_URLS:+NPC LLMs $NPC_LLM_URLS; }rules as fallback"
     else
       NARRATION="rule narrator and retrieval dialog, no LLM"
     fi ;;
esac
cat <<MSG

  LangOmni Adventure is running (narration: $NARRATION).
    Play              http://localhost:8080        WebSocket ws://localhost:8080/ws/game/{playerId}?ticket=... (POST /api/auth/ticket)
    Admin panel       http://localhost:8080/admin  (name admin, first password in .data/run/admin-password)
    Health            http://localhost:8080/api/health (every service: /api/health/detailed, an admin's token)
    Metrics           http://localhost:808[0-4]/q/metrics
    Internal APIs     :8081-8084 want X-Service-Token: scripts/service-token.sh prints one (docs/SECURITY.md)
    Logs              .data/run/logs/
  Ctrl-C stops everything.

MSG

# Foreground until Ctrl-C/SIGTERM or until a service dies.
wait -n "${PIDS[@]}" || true
log "a service exited unexpectedly; see .data/run/logs/"
exit 1
