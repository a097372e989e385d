import { z } from 'zod'
import { figure, listOf, numberMap, parseOrNull, textOrNull } from '@/lib/schema'

/**
 * Payloads of the admin live stream (`GET /api/admin/stream`, events `stats` and `topology`), as zod schemas.
 * Unknown = null; a malformed event is dropped instead of crashing a page.
 */

/** `redis`: maxConcurrent is the whole backend's, shared across replicas; `local`: Redis unreachable, the replica's own; `off`. */
const clusterLimitSchema = z.enum(['redis', 'local', 'off'])
export type ClusterLimit = z.infer<typeof clusterLimitSchema>

/**
 * World-llm's admission by value (docs/API.md, `AdmissionStatus`): `high` narrations wait for a slot (up to
 * maxQueued) and go first, `normal` ones wait only while fewer than maxQueuedNormal wait, else the rules answer
 * ("degraded", reason `busy`). Counters are totals since that world-llm replica started. A missing or
 * non-numeric figure is null.
 */
const admissionSchema = z.object({
  maxConcurrent: figure,
  maxQueued: figure,
  maxQueuedNormal: figure,
  running: figure,
  queuedHigh: figure,
  queuedNormal: figure,
  admittedHigh: figure,
  admittedNormal: figure,
  /** Degradations by reason (`busy`, `timeout`, `error`, `circuit_open`, …); null when not sent. */
  degradedHigh: numberMap.nullable().catch(null),
  degradedNormal: numberMap.nullable().catch(null),
  /** null when not sent or not one of the known states. */
  clusterLimit: clusterLimitSchema.nullable().catch(null),
  clusterFallbacks: figure,
})
export type Admission = z.infer<typeof admissionSchema>

/** Backends without a name are dropped. */
const backendSchema = z.object({
  name: z.string(),
  role: z.string().catch(''),
  healthy: z.boolean().catch(false),
  waiting: figure,
  running: figure,
  tokensPerSecond: figure,
  kvCacheUsage: figure,
  /** World-llm's admission as one replica reports it; null for NPC backends and from older orchestrators. */
  admission: admissionSchema.nullable().catch(null),
})
export type BackendStat = z.infer<typeof backendSchema>

/** `at` and the `actions` group are required: without them the event is dropped. */
const statsSchema = z.object({
  at: z.number(),
  playersOnline: figure,
  playersTotal: figure,
  actions: z.object({ perSecond: figure, lastMinute: figure, p50Ms: figure, p95Ms: figure, p99Ms: figure }),
  // the groups below are all-null when missing (an older orchestrator)
  ttft: z.object({ p50Ms: figure, p95Ms: figure, samples: figure }).catch({ p50Ms: null, p95Ms: null, samples: null }),
  rateLimited: z.object({ perSecond: figure, lastMinute: figure }).catch({ perSecond: null, lastMinute: null }),
  fallbacks: z.object({ lastMinute: figure, rate: figure }).catch({ lastMinute: null, rate: null }),
  cache: z.object({ hits: figure, misses: figure, hitRate: figure }).catch({ hits: null, misses: null, hitRate: null }),
  backends: listOf(backendSchema).catch([]),
  memoryQueue: z.object({ depth: figure }).nullable().catch(null),
})
export type Stats = z.infer<typeof statsSchema>

export type NodeStatus = 'UP' | 'DOWN' | 'DEGRADED'
export type NodeKind = 'service' | 'store' | 'llm'

/** Nodes without a string `id` and `status` are dropped. */
const topologyNodeSchema = z
  .object({
    id: z.string(),
    /** A {@link NodeKind}, or a kind this page does not know. */
    kind: z.string().catch(''),
    name: textOrNull,
    /** A {@link NodeStatus}, or a status this page does not know. */
    status: z.string(),
    detail: textOrNull,
    latencyMs: figure,
    url: textOrNull,
    version: textOrNull,
    uptimeSeconds: figure,
    metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]).catch(null)).nullable().catch(null),
  })
  .transform(({ name, ...node }) => ({ ...node, name: name ?? node.id }))
export type TopologyNode = z.infer<typeof topologyNodeSchema>

const topologyEdgeSchema = z.object({ from: z.string(), to: z.string() })
export type TopologyEdge = z.infer<typeof topologyEdgeSchema>

/** `nodes` is required; malformed nodes and edges are dropped. */
const topologySchema = z.object({
  at: z.number().catch(() => Date.now()),
  status: z.string().catch('UP'),
  nodes: listOf(topologyNodeSchema),
  edges: listOf(topologyEdgeSchema).catch([]),
})
export type Topology = z.infer<typeof topologySchema>

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'forbidden' | 'closed'

/** A backend's `admission`: null when absent or not an object. */
export const asAdmission = (v: unknown): Admission | null => parseOrNull(admissionSchema, v)

export const asStats = (v: unknown): Stats | null => parseOrNull(statsSchema, v)

export const asTopology = (v: unknown): Topology | null => parseOrNull(topologySchema, v)
