#!/usr/bin/env python3
"""One TSV line of the narration-economy benchmark (issue #13): from the orchestrator's /q/metrics before and after
a PlayMix run, its Gatling report and a Broadcast report taken alongside. Columns: players, actions/s, result
p50/p95 ms (Gatling, all verbs), first narration delta p50/p95 ms (orchestrator histogram: received -> first
streamed delta, streamed narrations only), say -> heard p99 ms (Broadcast), the mix's narrations by source llm/cache/rules
with the rules' split (by design: policy, seen, budget; fallbacks), share from cache or rules, LLM tokens per
action, cost per player-hour, errors (KO), load average.
Usage: economy.py BEFORE AFTER PLAYMIX_REPORT BROADCAST_REPORT PLAYERS DURATION_S LOADAVG"""
import re, sys

from gatling_stats import find, read

before_file, after_file, playmix, broadcast, players, duration, load = sys.argv[1:8]
players, duration = int(players), float(duration)

def scrape(path):
    out = {}
    for line in open(path):
        if line.startswith('#') or not line.strip():
            continue
        m = re.match(r'([a-zA-Z_:]+)(\{[^}]*\})?\s+(\S+)', line)
        if m:
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2) or ''))
            out.setdefault(m.group(1), []).append((labels, float(m.group(3))))
    return out

b, a = scrape(before_file), scrape(after_file)

def total(name, **want):
    def s(data):
        return sum(v for labels, v in data.get(name, []) if all(labels.get(k) == w for k, w in want.items()))
    return s(a) - s(b)

def histogram_quantile(name, q):
    def buckets(data):
        return {labels['le']: v for labels, v in data.get(name + '_bucket', [])}
    after, before = buckets(a), buckets(b)
    pairs = sorted(((float('inf') if le == '+Inf' else float(le)), after[le] - before.get(le, 0)) for le in after)
    count = pairs[-1][1] if pairs else 0
    if count <= 0:
        return None
    for le, cumulative in pairs:
        if cumulative >= q * count:
            return le
    return None

group = find(read(playmix), 'actions')
broadcast_stats = read(broadcast) if broadcast != '-' else {}
heard = find(broadcast_stats, 'say → heard') if broadcast_stats else None
# the Broadcast players' says went through the same orchestrator (rules' text by policy): left out of the mix's figures
says = int(find(broadcast_stats, 'say')['numberOfRequests']['ok']) if broadcast_stats else 0
llm = total('langomni_narrations_total', source='llm')
cache = total('langomni_narrations_total', source='cache')
rules = total('langomni_narrations_total', source='rules') - says
ruled = {r: total('langomni_narration_ruled_total', reason=r) for r in ('policy', 'seen', 'budget')}
ruled['policy'] -= says
fallbacks = total('langomni_narration_fallbacks_total')
actions = total('langomni_actions_total') - says
tokens = total('langomni_llm_tokens_total')
cost = total('langomni_llm_cost_total')
first50 = histogram_quantile('langomni_action_first_token_seconds', 0.5)
first95 = histogram_quantile('langomni_action_first_token_seconds', 0.95)
ms = lambda s: '-' if s is None else ('>%.0f' % 30000 if s == float('inf') else '%.0f' % (s * 1000))
narrations = llm + cache + rules
print('\t'.join(str(x) for x in [
    players, '%.1f' % (int(group['numberOfRequests']['total']) / duration),
    group['percentiles1']['ok'], group['percentiles3']['ok'], ms(first50), ms(first95),
    heard['percentiles4']['ok'] if heard else '-',
    '%d/%d/%d' % (llm, cache, rules),
    'policy=%d,seen=%d,budget=%d,fallbacks=%d' % (ruled['policy'], ruled['seen'], ruled['budget'], fallbacks),
    '%.0f%%' % (100.0 * (cache + rules) / narrations if narrations else 0),
    '%.0f' % (tokens / actions if actions else 0),
    '%.4f' % (cost / (players * duration / 3600.0)),
    group['numberOfRequests']['ko'], load]))
