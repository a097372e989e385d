import { describe, expect, it } from 'vitest'
import { admission, stats } from '@/test/fixtures'
import { asAdmission, asStats, asTopology } from './schema'

describe('asStats backends and admission', () => {
  it('keeps a world backend admission and nulls it for NPC backends and older orchestrators', () => {
    const { admission: _omitted, ...old } = stats().backends[0]!
    const parsed = asStats({
      ...stats(),
      backends: [
        { ...stats().backends[0], admission: admission() },
        { name: 'npc-1', role: 'npc', healthy: true, waiting: 0, running: 0, tokensPerSecond: 3, kvCacheUsage: 0.1, admission: null },
        { ...old, name: 'world-old' },
      ],
    })
    expect(parsed?.backends.map((b) => b.admission)).toEqual([admission(), null, null])
  })

  it('tolerates missing and malformed admission figures', () => {
    expect(asAdmission('full')).toBeNull()
    expect(asAdmission([1, 2])).toBeNull()
    expect(asAdmission({ running: '12', maxConcurrent: 64, degradedHigh: [1], degradedNormal: { busy: 3, timeout: 'x' }, clusterLimit: 'shared' })).toEqual({
      maxConcurrent: 64,
      maxQueued: null,
      maxQueuedNormal: null,
      running: null,
      queuedHigh: null,
      queuedNormal: null,
      admittedHigh: null,
      admittedNormal: null,
      degradedHigh: null,
      degradedNormal: { busy: 3 },
      clusterLimit: null,
      clusterFallbacks: null,
    })
  })

  it('drops backends that are not objects with a name', () => {
    const parsed = asStats({ ...stats(), backends: [null, 'world', { role: 'world' }, stats().backends[0]] })
    expect(parsed?.backends.map((b) => b.name)).toEqual(['world'])
  })
})

describe('asStats and asTopology shapes', () => {
  it('drops a stats event without its time or actions, and reads missing groups as unknown', () => {
    expect(asStats({ ...stats(), at: 'now' })).toBeNull()
    expect(asStats({ ...stats(), actions: null })).toBeNull()
    expect(asStats([stats()])).toBeNull()
    const { ttft: _t, cache: _c, memoryQueue: _m, backends: _b, ...bare } = stats()
    const parsed = asStats({ ...bare, playersOnline: '3', fallbacks: 'n/a' })
    expect(parsed).toMatchObject({
      playersOnline: null,
      ttft: { p50Ms: null, p95Ms: null, samples: null },
      fallbacks: { lastMinute: null, rate: null },
      cache: { hits: null, misses: null, hitRate: null },
      backends: [],
      memoryQueue: null,
    })
  })

  it('needs the node list, drops malformed nodes and edges, and fills the time and status', () => {
    expect(asTopology({ status: 'UP' })).toBeNull()
    const before = Date.now()
    const parsed = asTopology({
      nodes: [{ id: 'redis', status: 'DOWN', kind: 'store' }, { id: 'x' }, { status: 'UP' }, 'gateway'],
      edges: [{ from: 'gateway', to: 'redis' }, { from: 'gateway' }, null],
    })
    expect(parsed?.nodes.map((n) => [n.id, n.name, n.status, n.latencyMs, n.metrics])).toEqual([['redis', 'redis', 'DOWN', null, null]])
    expect(parsed?.edges).toEqual([{ from: 'gateway', to: 'redis' }])
    expect(parsed?.status).toBe('UP')
    expect(parsed?.at).toBeGreaterThanOrEqual(before)
    expect(asTopology({ nodes: 'none' })).toBeNull()
  })
})
