// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { crawlWorld, mergeTargets } from './world'

const world: Record<string, { id: string; name: string; exits: Array<{ to: string; name: string }> }> = {
  square: { id: 'square', name: 'Village Square', exits: [{ to: 'inn', name: 'The Inn' }, { to: 'north-gate', name: 'North Gate' }] },
  inn: { id: 'inn', name: 'The Inn', exits: [{ to: 'square', name: 'Village Square' }, { to: 'cellar', name: 'Cellar' }] },
  cellar: { id: 'cellar', name: 'Cellar', exits: [{ to: 'inn', name: 'The Inn' }] },
  'north-gate': { id: 'north-gate', name: 'North Gate', exits: [{ to: 'square', name: 'Village Square' }, { to: 'forest-road', name: 'Forest Road' }] },
}

describe('crawlWorld', () => {
  it('walks every exit once, breadth first, and sorts by name', async () => {
    const fetchLocation = vi.fn(async (id: string) => {
      const loc = world[id]
      if (!loc) throw new Error('404')
      return loc
    })
    const targets = await crawlWorld(['square'], fetchLocation)
    expect(targets.map((t) => t.name)).toEqual(['Cellar', 'Forest Road', 'North Gate', 'The Inn', 'Village Square'])
    // forest-road failed to load: still listed under its exit's name, fetched once like the others
    expect(fetchLocation).toHaveBeenCalledTimes(5)
    expect(new Set(fetchLocation.mock.calls.map((c) => c[0])).size).toBe(5)
  })

  it('stops at the limit', async () => {
    const chain = async (id: string) => ({ id, name: id, exits: [{ to: `${id}x`, name: `${id}x` }] })
    const targets = await crawlWorld(['a'], chain, 10)
    expect(targets.length).toBeLessThanOrEqual(11)
  })

  it('merges lists by id, the first name winning', () => {
    expect(mergeTargets([{ id: 'inn', name: 'The Inn' }], undefined, [{ id: 'inn', name: 'inn' }, { id: 'mill', name: 'Mill' }])).toEqual([
      { id: 'mill', name: 'Mill' },
      { id: 'inn', name: 'The Inn' },
    ])
  })
})
