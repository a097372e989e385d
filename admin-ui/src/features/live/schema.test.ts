import { describe, expect, it } from 'vitest'
import { admission, stats } from '@/test/fixtures'
import { asAdmission, asStats } from './schema'

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
