/** `GET /api/admin/metrics/history` (docs/API.md, Admin): one point per step, oldest first. */
export interface BackendPoint {
  tokensPerSecond: number | null
  kvCacheUsage: number | null
  waiting: number | null
}

export interface HistoryPoint {
  at: number
  actions: number | null
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  ttftP50Ms: number | null
  ttftP95Ms: number | null
  rateLimited: number | null
  fallbacks: number | null
  cacheHits: number | null
  cacheMisses: number | null
  backends: Record<string, BackendPoint> | null
}

export interface MetricsHistory {
  stepSeconds: number
  points: HistoryPoint[]
}

export const RANGES = [15, 30, 60] as const
export type RangeMinutes = (typeof RANGES)[number]
