/** Payloads of the admin live stream (`GET /api/admin/stream`, events `stats` and `topology`). Unknown = null. */

export interface BackendStat {
  name: string
  role: string
  healthy: boolean
  waiting: number | null
  running: number | null
  tokensPerSecond: number | null
  kvCacheUsage: number | null
}

export interface Stats {
  at: number
  playersOnline: number
  playersTotal: number | null
  actions: { perSecond: number | null; lastMinute: number | null; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null }
  ttft: { p50Ms: number | null; p95Ms: number | null; samples: number | null }
  rateLimited: { perSecond: number | null; lastMinute: number | null }
  fallbacks: { lastMinute: number | null; rate: number | null }
  cache: { hits: number | null; misses: number | null; hitRate: number | null }
  backends: BackendStat[]
  memoryQueue: { depth: number | null } | null
}

export type NodeStatus = 'UP' | 'DOWN' | 'DEGRADED'
export type NodeKind = 'service' | 'store' | 'llm'

export interface TopologyNode {
  id: string
  kind: NodeKind | string
  name: string
  status: NodeStatus | string
  detail: string | null
  latencyMs: number | null
  url: string | null
  version: string | null
  uptimeSeconds: number | null
  metrics: Record<string, number | string | boolean | null> | null
}

export interface TopologyEdge {
  from: string
  to: string
}

export interface Topology {
  at: number
  status: NodeStatus | string
  nodes: TopologyNode[]
  edges: TopologyEdge[]
}

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'forbidden' | 'closed'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Light shape checks: a malformed event is dropped instead of crashing a page. */
export function asStats(v: unknown): Stats | null {
  if (!isObject(v) || typeof v.at !== 'number' || !isObject(v.actions)) return null
  const s = v as unknown as Stats
  return {
    ...s,
    ttft: isObject(v.ttft) ? s.ttft : { p50Ms: null, p95Ms: null, samples: null },
    rateLimited: isObject(v.rateLimited) ? s.rateLimited : { perSecond: null, lastMinute: null },
    fallbacks: isObject(v.fallbacks) ? s.fallbacks : { lastMinute: null, rate: null },
    cache: isObject(v.cache) ? s.cache : { hits: null, misses: null, hitRate: null },
    backends: Array.isArray(v.backends) ? s.backends : [],
    memoryQueue: isObject(v.memoryQueue) ? s.memoryQueue : null,
  }
}

export function asTopology(v: unknown): Topology | null {
  if (!isObject(v) || !Array.isArray(v.nodes)) return null
  const nodes = (v.nodes as unknown[]).filter(
    (n): n is TopologyNode => isObject(n) && typeof n.id === 'string' && typeof n.status === 'string',
  )
  const edges = Array.isArray(v.edges)
    ? (v.edges as unknown[]).filter((e): e is TopologyEdge => isObject(e) && typeof e.from === 'string' && typeof e.to === 'string')
    : []
  return {
    at: typeof v.at === 'number' ? v.at : Date.now(),
    status: typeof v.status === 'string' ? v.status : 'UP',
    nodes,
    edges,
  }
}
