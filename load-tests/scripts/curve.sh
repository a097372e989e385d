#!/usr/bin/env bash
# The capacity curve: PlayMix at each player count, RUNS times, against a running `make run`; one line per run in
# load-tests/target/curve.tsv (players, run, actions/s answered and with a result, latency of results p50/p95/p99
# and of all answers p50/p99 in ms, refusals by kind, load average).
#   load-tests/scripts/curve.sh "50 100 200 500 1000" 3        (env: THINK_MS=300 DURATION=30 RAMP=5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
COUNTS="${1:-50 100 200 500 1000}"
RUNS="${2:-3}"
OUT=load-tests/target/curve.tsv
mkdir -p load-tests/target
[ -s "$OUT" ] || printf 'players\trun\tanswered_per_s\tresults_per_s\tp50_ms\tp95_ms\tp99_ms\tall_p50_ms\tall_p99_ms\trefused\tloadavg\treport\n' >"$OUT"
for players in $COUNTS; do
  for run in $(seq 1 "$RUNS"); do
    make -s bench-load SIM=PlayMix PLAYERS="$players" RAMP="${RAMP:-5}" THINK_MS="${THINK_MS:-300}" \
      DURATION="${DURATION:-30}" EXTRA="-DsummaryFile=$ROOT/load-tests/target/summary.json" >load-tests/target/curve-last.log 2>&1 || true
    report="$(ls -td load-tests/target/gatling/playmixsimulation-* | head -1)"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    python3 load-tests/scripts/actions.py "$report" "$players" "$run" "$load" >>"$OUT"
    tail -1 "$OUT"
  done
done
