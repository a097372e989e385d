#!/usr/bin/env bash
# Narration-economy benchmark (issue #13) against a running `make run LLM=sim`: for each player count, PlayMix with
# think ~THINK_MS (6 s) and 15 % of actions talking to NPCs for DURATION s, and alongside it a Broadcast run (20
# players in the start room) for `say -> heard`; the orchestrator's /q/metrics before and after give the sources,
# first-delta percentiles, tokens and cost. One line per count in load-tests/target/economy.tsv (see economy.py).
#   load-tests/scripts/economy.sh "80 160 320"        (env: THINK_MS=6000 DURATION=120 RAMP=20 NPC_PERCENT=15)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
COUNTS="${1:-80 160 320}"
DURATION="${DURATION:-120}" RAMP="${RAMP:-20}" THINK_MS="${THINK_MS:-6000}" NPC_PERCENT="${NPC_PERCENT:-15}"
T=load-tests/target
OUT=$T/economy.tsv
mkdir -p "$T"
[ -s "$OUT" ] || printf 'players\tactions_per_s\tresult_p50_ms\tresult_p95_ms\tfirst_delta_p50_ms\tfirst_delta_p95_ms\tsay_heard_p99_ms\tllm/cache/rules\trules_by\tcache_or_rules\ttokens_per_action\tcost_per_player_hour\tko\tloadavg\n' >"$OUT"
./mvnw -B -ntp -q -pl load-tests process-classes
gatling() { ./mvnw -B -ntp -q -o -pl load-tests gatling:test -Dgatling.simulationClass="com.langomni.load.$1Simulation" "${@:2}"; }
for players in $COUNTS; do
  stamp=$(date +%H%M%S)
  curl -sf http://localhost:8081/q/metrics >"$T/eco-before.prom"
  gatling PlayMix -Dplayers="$players" -DrampSeconds="$RAMP" -DthinkMs="$THINK_MS" -DdurationSeconds="$DURATION" \
    -DnpcPercent="$NPC_PERCENT" -Dprefix="eco$stamp" >"$T/eco-playmix.log" 2>&1 &
  playmix=$!
  sleep $((RAMP + 10))
  gatling Broadcast -Dplayers=20 -DrampSeconds=5 -DthinkMs=2000 -DdurationSeconds=$((DURATION - RAMP - 30)) \
    -Dprefix="ecb$stamp" >"$T/eco-broadcast.log" 2>&1 || true
  wait "$playmix" || true
  curl -sf http://localhost:8081/q/metrics >"$T/eco-after.prom"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  python3 load-tests/scripts/economy.py "$T/eco-before.prom" "$T/eco-after.prom" \
    "$(ls -td $T/gatling/playmixsimulation-* | head -1)" "$(ls -td $T/gatling/broadcastsimulation-* | head -1)" \
    "$players" "$DURATION" "$load" >>"$OUT"
  cp "$T/eco-before.prom" "$T/eco-$players-before.prom"; cp "$T/eco-after.prom" "$T/eco-$players-after.prom"
  tail -1 "$OUT"
  sleep 20   # let queues drain and the load average fall before the next size
done
