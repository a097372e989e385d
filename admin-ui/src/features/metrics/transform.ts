import type { HistoryPoint } from './schema'

/** One flat row per step for recharts; per-backend figures under `tps:<name>`, `kv:<name>`, `wait:<name>`. */
export type ChartRow = { at: number } & Record<string, number | null>

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export function backendNames(points: HistoryPoint[]): string[] {
  const names = new Set<string>()
  for (const p of points) for (const name of Object.keys(p.backends ?? {})) names.add(name)
  return [...names].sort()
}

export function toChartRows(points: HistoryPoint[]): { rows: ChartRow[]; backends: string[] } {
  const backends = backendNames(points)
  const rows = points.map((p) => {
    const row: ChartRow = {
      at: p.at,
      actions: num(p.actions),
      p50: num(p.p50Ms),
      p95: num(p.p95Ms),
      p99: num(p.p99Ms),
      ttftP50: num(p.ttftP50Ms),
      ttftP95: num(p.ttftP95Ms),
      rateLimited: num(p.rateLimited),
      fallbacks: num(p.fallbacks),
      cacheHits: num(p.cacheHits),
      cacheMisses: num(p.cacheMisses),
    }
    for (const name of backends) {
      const b = p.backends?.[name]
      row[`tps:${name}`] = num(b?.tokensPerSecond)
      const kv = num(b?.kvCacheUsage)
      row[`kv:${name}`] = kv === null ? null : Math.round(kv * 1000) / 10
      row[`wait:${name}`] = num(b?.waiting)
    }
    return row
  })
  return { rows, backends }
}

/** Sum of a field over the window, ignoring nulls; null when every step is null. */
export function total(rows: ChartRow[], key: string): number | null {
  let sum: number | null = null
  for (const r of rows) {
    const v = r[key]
    if (typeof v === 'number') sum = (sum ?? 0) + v
  }
  return sum
}

/** The last non-null value of a field. */
export function latest(rows: ChartRow[], key: string): number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = rows[i]?.[key]
    if (typeof v === 'number') return v
  }
  return null
}
