// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { topology } from '@/test/fixtures'
import { layoutTopology, tierOf } from './layout'

describe('layoutTopology', () => {
  const layout = layoutTopology(topology(['llm:world']))
  const byId = new Map(layout.nodes.map((n) => [n.node.id, n]))
  const row = (tier: number) => layout.nodes.filter((n) => n.tier === tier).sort((a, b) => a.x - b.x).map((n) => n.node.id)

  it('puts gateway, orchestrator, services and backends/stores in tiers, top to bottom', () => {
    expect(row(0)).toEqual(['gateway'])
    expect(row(1)).toEqual(['orchestrator'])
    expect(row(2)).toEqual(['world-llm', 'npc-llm', 'memory'])
    expect(row(3)).toEqual(['llm:world', 'llm:npc-1', 'memory-store', 'postgresql', 'redis'])
    const ys = [0, 1, 2, 3].map((t) => layout.nodes.find((n) => n.tier === t)!.y)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
  })

  it('centres each tier and fits everything in the canvas', () => {
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x).toBeLessThanOrEqual(layout.width)
      expect(n.y).toBeLessThanOrEqual(layout.height)
    }
    expect(byId.get('gateway')!.x).toBeCloseTo(byId.get('orchestrator')!.x)
  })

  it('draws every edge between known nodes and flags those touching a DOWN node', () => {
    expect(layout.edges).toHaveLength(11)
    expect(layout.edges.filter((e) => e.down).map((e) => `${e.edge.from}->${e.edge.to}`)).toEqual(['world-llm->llm:world'])
    const t = topology()
    t.edges.push({ from: 'gateway', to: 'nowhere' })
    expect(layoutTopology(t).edges).toHaveLength(11)
  })

  it('places unknown parts by kind', () => {
    const base = { name: 'x', status: 'UP', detail: null, latencyMs: null, url: null, version: null, uptimeSeconds: null, metrics: null }
    expect(tierOf({ ...base, id: 'qdrant', kind: 'store' })).toBe(3)
    expect(tierOf({ ...base, id: 'llm:npc-2', kind: 'llm' })).toBe(3)
    expect(tierOf({ ...base, id: 'search', kind: 'service' })).toBe(2)
    expect(tierOf({ ...base, id: 'gateway-2', kind: 'service' })).toBe(0)
  })

  it('copes with an empty topology', () => {
    const empty = layoutTopology({ at: 0, status: 'DOWN', nodes: [], edges: [] })
    expect(empty.nodes).toEqual([])
    expect(empty.width).toBeGreaterThan(0)
  })
})
