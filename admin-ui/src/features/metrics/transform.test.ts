// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { HistoryPoint } from './schema'
import { backendNames, latest, toChartRows, total } from './transform'

const point = (at: number, over: Partial<HistoryPoint> = {}): HistoryPoint => ({
  at,
  actions: 0,
  p50Ms: null,
  p95Ms: null,
  p99Ms: null,
  ttftP50Ms: null,
  ttftP95Ms: null,
  rateLimited: 0,
  fallbacks: 0,
  cacheHits: 0,
  cacheMisses: 0,
  backends: {},
  ...over,
})

describe('metrics transform', () => {
  const points = [
    point(1000, { actions: 24, p95Ms: 40, backends: { world: { tokensPerSecond: 40, kvCacheUsage: 0.1, waiting: 0 } } }),
    point(11_000, { actions: 6, p95Ms: null, backends: { 'npc-1': { tokensPerSecond: 12, kvCacheUsage: 0.255, waiting: 2 } } }),
  ]

  it('flattens points into chart rows with per-backend columns', () => {
    const { rows, backends } = toChartRows(points)
    expect(backends).toEqual(['npc-1', 'world'])
    expect(rows[0]).toMatchObject({ at: 1000, actions: 24, p95: 40, 'tps:world': 40, 'kv:world': 10, 'tps:npc-1': null })
    expect(rows[1]).toMatchObject({ 'kv:npc-1': 25.5, 'wait:npc-1': 2, 'tps:world': null, p95: null })
  })

  it('sums and picks the latest non-null figure', () => {
    const { rows } = toChartRows(points)
    expect(total(rows, 'actions')).toBe(30)
    expect(total(rows, 'p99')).toBeNull()
    expect(latest(rows, 'p95')).toBe(40)
  })

  it('handles a history without backends', () => {
    expect(backendNames([point(0, { backends: null })])).toEqual([])
  })
})
