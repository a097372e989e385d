/** Payloads of the admin live stream (`GET /api/admin/stream`, events `stats` and `topology`). Unknown = null. */

export interface BackendStat {
  name: string
  role: string
  healthy: boolean
  waiting: number | null
  running: number | null
  tokensPerSecond: number | null
  kvCacheUsage: number | null
  /** World-llm's admission by value as one replica reports it; null for NPC backends and from older orchestrators. */
  admission: Admission | null
}

/** `redis`: maxConcurrent is the whole backend's, shared across replicas; `local`: Redis unreachable, the replica's own; `off`. */
export type ClusterLimit = 'redis' | 'local' | 'off'

/**
 * World-llm's admission by value (docs/API.md, `AdmissionStatus`): `high` narrations wait for a slot (up to
 * maxQueued) and go first, `normal` ones wait only while fewer than maxQueuedNormal wait, else the rules answer
 * ("degraded", reason `busy`). Counters are totals since that world-llm replica started. Unknown = null.
 */
export interface Admission {
  maxConcurrent: number | null
  maxQueued: number | null
  maxQueuedNormal: number | null
  running: number | null
  queuedHigh: number | null
  queuedNormal: number | null
  admittedHigh: number | null
  admittedNormal: number | null
  /** Degradations by reason (`busy`, `timeout`, `error`, `circuit_open`, …); null when not sent. */
  degradedHigh: Record<string, number> | null
  degradedNormal: Record<string, number> | null
  /** null when not sent or not one of the known states. */
  clusterLimit: ClusterLimit | null
  clusterFallbacks: number | null
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
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function counts(v: unknown): Record<string, number> | null {
  if (!isObject(v)) return null
  const out: Record<string, number> = {}
  for (const [k, x] of Object.entries(v)) {
    const n = num(x)
    if (n !== null) out[k] = n
  }
  return out
}

/** A backend's `admission`: null when absent or not an object; a missing or non-numeric figure is null. */
export function asAdmission(v: unknown): Admission | null {
  if (!isObject(v)) return null
  const limit = v.clusterLimit
  return {
    maxConcurrent: num(v.maxConcurrent),
    maxQueued: num(v.maxQueued),
    maxQueuedNormal: num(v.maxQueuedNormal),
    running: num(v.running),
    queuedHigh: num(v.queuedHigh),
    queuedNormal: num(v.queuedNormal),
    admittedHigh: num(v.admittedHigh),
    admittedNormal: num(v.admittedNormal),
    degradedHigh: counts(v.degradedHigh),
    degradedNormal: counts(v.degradedNormal),
    clusterLimit: limit === 'redis' || limit === 'local' || limit === 'off' ? limit : null,
    clusterFallbacks: num(v.clusterFallbacks),
  }
}

/** Backends without a name are dropped; `admission` is normalised (null when absent). */
function asBackends(v: unknown): BackendStat[] {
  if (!Array.isArray(v)) return []
  return v
    .filter((b): b is Record<string, unknown> => isObject(b) && typeof b.name === 'string')
    .map((b) => ({ ...(b as unknown as BackendStat), admission: asAdmission(b.admission) }))
}

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
    backends: asBackends(v.backends),
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
