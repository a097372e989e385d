// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { normaliseNpcDetail, provenanceLabel } from './schema'

describe('normaliseNpcDetail', () => {
  it('counts memories from memoryCount, a row-shaped count or the list, and unknown while memory-service is down', () => {
    const memory = { id: 'm1', ownerId: 'mara', kind: 'observation', text: 't' }
    expect(normaliseNpcDetail({ id: 'mara', memories: [memory], memoryCount: 7 }).memoryCount).toBe(7)
    expect(normaliseNpcDetail({ id: 'mara', memories: 4 })).toMatchObject({ memories: [], memoryCount: 4 })
    expect(normaliseNpcDetail({ id: 'mara', memories: [memory] })).toMatchObject({ memories: [memory], memoryCount: 1, memoriesAvailable: true })
    expect(normaliseNpcDetail({ id: 'mara', memories: [], memoriesAvailable: false })).toMatchObject({ memoryCount: null, memoriesAvailable: false })
  })

  it('fills a missing name from the id and drops knowledge that is not text', () => {
    expect(normaliseNpcDetail({ id: 'mara', title: 3, knowledge: ['the crypt', 2, null] })).toEqual({
      id: 'mara',
      name: 'mara',
      title: null,
      locationId: null,
      locationName: null,
      conversations: null,
      persona: null,
      knowledge: ['the crypt'],
      memories: [],
      memoryCount: 0,
      memoriesAvailable: true,
    })
    expect(() => normaliseNpcDetail('<html>')).toThrow('The server sent no NPC.')
  })
})

describe('provenanceLabel', () => {
  it('says where each piece of knowledge came from', () => {
    expect(provenanceLabel({ kind: 'observation', provenance: { source: 'witnessed', hops: 0, locationId: 'forge' } })).toBe('witnessed at forge')
    expect(provenanceLabel({ kind: 'conversation', provenance: { source: 'told', hops: 0 } })).toBe('told by the player')
    expect(provenanceLabel({ kind: 'observation', provenance: { source: 'heard', heardFrom: 'brannoc', hops: 1, locationId: 'ford' } })).toBe(
      'heard from brannoc (happened at ford)',
    )
    expect(provenanceLabel({ kind: 'observation', provenance: { source: 'heard', heardFrom: 'marta', hops: 2 } })).toBe('heard from marta, 2 hops from a witness')
  })

  it('reads a memory stored before provenance existed by its kind', () => {
    expect(provenanceLabel({ kind: 'observation' })).toBe('witnessed')
    expect(provenanceLabel({ kind: 'conversation', provenance: null })).toBe('told by the player')
    expect(provenanceLabel({ kind: 'reflection' })).toBe('own reflection')
    expect(provenanceLabel({ kind: 'observation', provenance: { source: 'dreamt' } })).toBe('dreamt')
  })
})
