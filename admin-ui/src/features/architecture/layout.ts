import type { Topology, TopologyEdge, TopologyNode } from '@/features/live'

/**
 * Tiered layout of the topology: gateway → orchestrator → world/npc/memory services → LLM replicas and
 * stores. Pure, so the placement is unit-tested and the SVG just draws it.
 */
export const NODE_W = 150
export const NODE_H = 54
const GAP_X = 18
const GAP_Y = 56
const PAD = 12

export interface PlacedNode { node: TopologyNode; tier: number; x: number; y: number }
export interface PlacedEdge { edge: TopologyEdge; path: string; down: boolean }
export interface DiagramLayout { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] }

const MIDDLE_ORDER = ['world-llm', 'npc-llm', 'memory']
const STORE_ORDER = ['memory-store', 'postgresql', 'redis']

export function tierOf(node: TopologyNode): number {
  if (node.id === 'gateway' || node.id.startsWith('gateway')) return 0
  if (node.id === 'orchestrator' || node.id.startsWith('orchestrator')) return 1
  if (node.kind === 'llm' || node.kind === 'store' || node.id.startsWith('llm:')) return 3
  return 2
}

export function layoutTopology(topology: Topology): DiagramLayout {
  const tiers: TopologyNode[][] = [[], [], [], []]
  for (const node of topology.nodes) tiers[tierOf(node)]?.push(node)

  const byName = (a: TopologyNode, b: TopologyNode) => a.id.localeCompare(b.id)
  tiers[0]?.sort(byName)
  tiers[1]?.sort(byName)
  tiers[2]?.sort((a, b) => rank(MIDDLE_ORDER, a.id) - rank(MIDDLE_ORDER, b.id) || byName(a, b))

  // The bottom tier sits under its parents: each LLM replica below its service, memory-store below memory,
  // the shared stores at the end.
  const middleIndex = new Map((tiers[2] ?? []).map((n, i) => [n.id, i]))
  const parentRank = (node: TopologyNode): number => {
    const parents = topology.edges.filter((e) => e.to === node.id).map((e) => middleIndex.get(e.from)).filter((i): i is number => i !== undefined)
    return parents.length ? Math.min(...parents) : Number.MAX_SAFE_INTEGER
  }
  tiers[3]?.sort((a, b) => parentRank(a) - parentRank(b) || rank(STORE_ORDER, a.id) - rank(STORE_ORDER, b.id) || byName(a, b))

  const widest = Math.max(1, ...tiers.map((t) => t.length))
  const width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X
  const used = tiers.filter((t) => t.length > 0)
  const height = PAD * 2 + used.length * NODE_H + Math.max(0, used.length - 1) * GAP_Y

  const placed: PlacedNode[] = []
  let row = 0
  tiers.forEach((nodes, tier) => {
    if (nodes.length === 0) return
    const rowWidth = nodes.length * NODE_W + (nodes.length - 1) * GAP_X
    const x0 = (width - rowWidth) / 2
    const y = PAD + row * (NODE_H + GAP_Y)
    nodes.forEach((node, i) => placed.push({ node, tier, x: x0 + i * (NODE_W + GAP_X), y }))
    row++
  })

  const at = new Map(placed.map((p) => [p.node.id, p]))
  const edges: PlacedEdge[] = []
  for (const edge of topology.edges) {
    const a = at.get(edge.from)
    const b = at.get(edge.to)
    if (!a || !b) continue
    edges.push({ edge, path: edgePath(a, b), down: a.node.status === 'DOWN' || b.node.status === 'DOWN' })
  }
  return { width, height, nodes: placed, edges }
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id)
  return i === -1 ? order.length : i
}

function edgePath(a: PlacedNode, b: PlacedNode): string {
  const [top, bottom] = a.y <= b.y ? [a, b] : [b, a]
  if (top.y === bottom.y) {
    const [l, r] = top.x <= bottom.x ? [top, bottom] : [bottom, top]
    const y = l.y + NODE_H / 2
    return `M${l.x + NODE_W},${y} L${r.x},${y}`
  }
  const x1 = top.x + NODE_W / 2
  const y1 = top.y + NODE_H
  const x2 = bottom.x + NODE_W / 2
  const y2 = bottom.y
  const mid = (y1 + y2) / 2
  return `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`
}
