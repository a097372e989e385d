#!/usr/bin/env python3
"""One TSV line for a PlayMix report: the 'actions' group (all verbs; think time outside it) from js/stats.js,
refusals by kind from the run's summary file: actions/s answered (results and refusals) and with a result, the
p50/p95/p99 of those with a result, the p50/p99 of all answers. Usage: actions.py REPORT_DIR PLAYERS RUN LOADAVG [DURATION_S]"""
import json, os, sys

from gatling_stats import find, read

report, players, run, load = sys.argv[1:5]
duration = float(sys.argv[5] if len(sys.argv) > 5 else os.environ.get('DURATION', '30'))
stats = read(report)

group = find(stats, 'actions')
if group is None:
    sys.exit('no "actions" group in ' + report)
count = int(group['numberOfRequests']['total'])
summary_file = os.path.join(os.path.dirname(os.path.dirname(report)), 'summary.json')
refused = {}
if os.path.exists(summary_file):
    summary = json.load(open(summary_file))
    refused = {k.split('.', 1)[1]: v for k, v in summary.items() if k.startswith('actions.refused') or k == 'actions.unanswered'}
ok = int(group['numberOfRequests']['ok'])
print('\t'.join([players, run, '%.0f' % (count / duration), '%.0f' % (ok / duration),
                 group['percentiles1']['ok'], group['percentiles3']['ok'], group['percentiles4']['ok'],
                 group['percentiles1']['total'], group['percentiles4']['total'],
                 ','.join('%s=%s' % kv for kv in sorted(refused.items())) or '0', load, os.path.basename(report)]))
