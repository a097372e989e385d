#!/usr/bin/env bash
# Project-local PostgreSQL and Redis: own data dir under .data/<profile>, own ports, never the system services.
#   scripts/infra.sh start|stop|status run|test
# Profiles: run  -> PostgreSQL 15432, Redis 16379, data kept across runs
#           test -> PostgreSQL 25432, Redis 26379, wiped at every start
# Ports can be overridden with PG_PORT / REDIS_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:?usage: infra.sh start|stop|status run|test}"
profile="${2:?usage: infra.sh start|stop|status run|test}"
case "$profile" in
  run)  PG_PORT="${PG_PORT:-15432}"; REDIS_PORT="${REDIS_PORT:-16379}"; DBS="langomni" ;;
  test) PG_PORT="${PG_PORT:-25432}"; REDIS_PORT="${REDIS_PORT:-26379}"; DBS="langomni_test langomni_e2e" ;;
  *) echo "unknown profile $profile (run|test)" >&2; exit 2 ;;
esac

DATA="$ROOT/.data/$profile"
PG_DATA="$DATA/pg"
# As root, PostgreSQL runs as the postgres user, who must reach the data dir. A checkout under a closed
# directory (e.g. /root) cannot host it: keep the cluster under /tmp, one per checkout, instead.
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$ROOT"; then
  PG_DATA="${TMPDIR:-/tmp}/langomni-pg-$profile-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)"
fi
REDIS_DIR="$DATA/redis"
PG_USER_DB=langomni

log() { printf '[infra:%s] %s\n' "$profile" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

ensure_packages() {
  local missing=()
  pg_bin >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v redis-cli >/dev/null || missing+=(redis-tools)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from the OS packages"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
  fi
  # Debian's package starts a system cluster where systemd/invoke-rc.d runs; ours never uses it.
}

# PostgreSQL refuses to run as root: run it as the postgres user, who must own the data dir.
pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_start() {
  local bin; bin="$(pg_bin)" || die "PostgreSQL binaries not found"
  mkdir -p "$DATA" "$(dirname "$PG_DATA")"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$(dirname "$PG_DATA")" 2>/dev/null || true
    runuser -u postgres -- test -w "$(dirname "$PG_DATA")" \
      || die "the postgres user cannot write $(dirname "$PG_DATA") (is a parent directory closed to it?)"
  fi
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    log "initdb $PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
    pg "$bin/initdb" -D "$PG_DATA" -U "$PG_USER_DB" --auth=trust -E UTF8 --locale=C.UTF-8 >"$DATA/initdb.log" 2>&1 \
      || { cat "$DATA/initdb.log" >&2; die "initdb failed"; }
  fi
  if pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "PostgreSQL already running on $PG_PORT"
  else
    port_free "$PG_PORT" || die "port $PG_PORT is taken by another PostgreSQL (another checkout's make run/test?): stop it (make infra-stop there) or set PG_PORT"
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=$([ "$profile" = test ] && echo off || echo on)" start >/dev/null \
      || { tail -20 "$PG_DATA/server.log" >&2; die "PostgreSQL did not start"; }
  fi
  local db
  for db in $DBS; do
    if ! pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_DB" -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_DB" "$db" || die "createdb $db failed"
    fi
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_stop() {
  local bin; bin="$(pg_bin)" || return 0
  [ -s "$PG_DATA/PG_VERSION" ] || return 0
  if pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
  fi
}

# Ready means PONG: a Redis still loading its dataset answers "LOADING ..." (redis-cli exits 0 for it).
redis_ready() { [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
redis_up() { redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; }

# After a load run the append-only file can be large: loading it takes a while, so wait for PONG (120 s).
redis_await() {
  local i
  for i in $(seq 1 1200); do redis_ready && return; sleep 0.1; done
  die "Redis on $REDIS_PORT did not become ready: $(redis-cli -p "$REDIS_PORT" ping 2>&1)"
}

redis_start() {
  mkdir -p "$REDIS_DIR"
  if redis_up; then
    log "Redis already running on $REDIS_PORT"; redis_await; return
  fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  local persist=(--appendonly yes --save "60 1")
  [ "$profile" = test ] && persist=(--appendonly no --save "")
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" "${persist[@]}" \
    || die "Redis did not start"
  redis_await
}

redis_stop() {
  if redis_up; then
    log "stopping Redis"
    redis-cli -p "$REDIS_PORT" shutdown $([ "$profile" = test ] && echo nosave) >/dev/null 2>&1 || true
  fi
}

case "$cmd" in
  start)
    ensure_packages
    if [ "$profile" = test ]; then pg_stop; redis_stop; rm -rf "$DATA" "$PG_DATA"; fi
    pg_start
    redis_start
    log "ready: postgresql://127.0.0.1:$PG_PORT ($DBS)  redis://127.0.0.1:$REDIS_PORT"
    ;;
  stop) redis_stop; pg_stop ;;
  status)
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null || echo "redis down"
    bin="$(pg_bin)" && pg "$bin/pg_isready" -h 127.0.0.1 -p "$PG_PORT" || true
    ;;
  *) die "unknown command $cmd" ;;
esac
