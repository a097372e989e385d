import type { Admission, Stats, Topology } from '@/features/live'
import type { LocationView, PlayerView } from '@/features/play/schema'

/** Sample world state for Play tests. */
export const ada: PlayerView = { id: 'p-ada', name: 'Ada', locationId: 'square', hp: 8, maxHp: 10, inventory: [{ id: 'walking-stick', name: 'walking stick' }] }

export const square: LocationView = {
  id: 'square',
  name: 'Village Square',
  description: 'A cobbled square around an old well.',
  exits: [
    { direction: 'north', to: 'north-gate', name: 'North Gate', locked: false },
    { direction: 'east', to: 'market', name: 'Market', locked: false },
  ],
  items: [{ id: 'notice-board', name: 'notice board' }],
  npcs: [{ id: 'mara', name: 'Mara', title: 'the innkeeper' }],
  creatures: [],
  players: [{ id: 'p-ada', name: 'Ada' }],
}

export const northGate: LocationView = {
  id: 'north-gate',
  name: 'North Gate',
  description: 'A heavy gate in the palisade.',
  exits: [{ direction: 'south', to: 'square', name: 'Village Square', locked: false }],
  items: [],
  npcs: [],
  creatures: [{ id: 'rat', name: 'giant rat', hp: 3, maxHp: 3, hostile: true }],
  players: [{ id: 'p-ada', name: 'Ada' }, { id: 'p-bram', name: 'Bram' }],
}


export const stats = (over: Partial<Stats> = {}): Stats => ({
  at: 1_764_070_000_000,
  playersOnline: 3,
  playersTotal: 12,
  actions: { perSecond: 2.4, lastMinute: 144, p50Ms: 12, p95Ms: 40, p99Ms: 80 },
  ttft: { p50Ms: 310, p95Ms: 820, samples: 40 },
  rateLimited: { perSecond: 0, lastMinute: 7 },
  fallbacks: { lastMinute: 2, rate: 0.05 },
  cache: { hits: 10, misses: 30, hitRate: 0.25 },
  backends: [{ name: 'world', role: 'world', healthy: true, waiting: 0, running: 1, tokensPerSecond: 41.5, kvCacheUsage: 0.12, admission: null }],
  memoryQueue: { depth: 0 },
  ...over,
})

/** World-llm's admission figures as one replica reports them (a saturated model degrading normal narrations). */
export const admission = (over: Partial<Admission> = {}): Admission => ({
  maxConcurrent: 64,
  maxQueued: 64,
  maxQueuedNormal: 16,
  running: 12,
  queuedHigh: 3,
  queuedNormal: 5,
  admittedHigh: 1200,
  admittedNormal: 3400,
  degradedHigh: { busy: 0, timeout: 2 },
  degradedNormal: { busy: 140, timeout: 1, error: 0, circuit_open: 0 },
  clusterLimit: 'redis',
  clusterFallbacks: 0,
  ...over,
})

const node = (id: string, kind: string, status = 'UP', extra: Partial<Topology['nodes'][number]> = {}): Topology['nodes'][number] => ({
  id,
  kind,
  name: id,
  status,
  detail: null,
  latencyMs: 3,
  url: null,
  version: '0.1.0-SNAPSHOT',
  uptimeSeconds: 1234.5,
  metrics: null,
  ...extra,
})

export const topology = (downs: string[] = []): Topology => {
  const ids: Array<[string, string]> = [
    ['gateway', 'service'],
    ['orchestrator', 'service'],
    ['world-llm', 'service'],
    ['npc-llm', 'service'],
    ['memory', 'service'],
    ['postgresql', 'store'],
    ['redis', 'store'],
    ['memory-store', 'store'],
    ['llm:world', 'llm'],
    ['llm:npc-1', 'llm'],
  ]
  const edges: Array<[string, string]> = [
    ['gateway', 'orchestrator'], ['gateway', 'redis'], ['orchestrator', 'postgresql'], ['orchestrator', 'redis'],
    ['orchestrator', 'world-llm'], ['orchestrator', 'npc-llm'], ['orchestrator', 'memory'], ['npc-llm', 'memory'],
    ['memory', 'memory-store'], ['world-llm', 'llm:world'], ['npc-llm', 'llm:npc-1'],
  ]
  return {
    at: 1_764_070_000_000,
    status: downs.length ? 'DEGRADED' : 'UP',
    nodes: ids.map(([id, kind]) =>
      node(id, kind, downs.includes(id) ? 'DOWN' : 'UP', id === 'llm:world' ? { metrics: { tokensPerSecond: 41.5, kvCacheUsage: 0.12, waiting: 0, running: 1 } } : {}),
    ),
    edges: edges.map(([from, to]) => ({ from, to })),
  }
}
