#!/usr/bin/env bash
# Once a second for SECONDS (default 120): the orchestrator's admitted actions, refusals so far and pool state,
# one TSV line each (to see overload and recovery next to a Gatling report). ORCHESTRATOR=http://localhost:8081
set -euo pipefail
URL="${ORCHESTRATOR:-http://localhost:8081}/q/metrics"
printf 'time\tactions_in_flight\trefused_total\tsql_active\tsql_waiting\tredis_waiting\tactions_total\n'
for _ in $(seq 1 "${1:-120}"); do
  curl -fs --max-time 1 "$URL" | awk -v t="$(date +%T)" '
    /^langomni_admission_in_flight\{kind="actions"/ {a=$2}
    /^langomni_admission_refused_total\{kind="actions"/ {r=$2}
    /^sql_pool_active/ {s=$2} /^sql_pool_queue_size/ {q=$2} /^redis_pool_queue_size/ {w=$2}
    /^langomni_action_duration_seconds_count/ {n=$2}
    END {printf "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", t, a, r, s, q, w, n}' || echo "$(date +%T)	unreachable"
  sleep 1
done
