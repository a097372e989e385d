import { Box, Cpu, Database, Server } from 'lucide-react'
import type { KeyboardEvent } from 'react'
import type { Topology, TopologyNode } from '@/features/live'
import { formatMs } from '@/lib/format'
import { layoutTopology, NODE_H, NODE_W } from '../layout'

const COLORS: Record<string, { stroke: string; fill: string; text: string }> = {
  UP: { stroke: '#10b981', fill: '#052e26', text: '#a7f3d0' },
  DEGRADED: { stroke: '#f59e0b', fill: '#3b2606', text: '#fde68a' },
  DOWN: { stroke: '#f43f5e', fill: '#4c0519', text: '#fecdd3' },
}
const UNKNOWN = { stroke: '#64748b', fill: '#0f172a', text: '#cbd5e1' }

export const statusColors = (status: string) => COLORS[status] ?? UNKNOWN

function KindIcon({ node, x, y, color }: { node: TopologyNode; x: number; y: number; color: string }) {
  const props = { x, y, width: 16, height: 16, color, 'aria-hidden': true }
  if (node.kind === 'llm') return <Cpu {...props} />
  if (node.kind === 'store') return <Database {...props} />
  if (node.kind === 'service') return <Server {...props} />
  return <Box {...props} />
}

/** The running system as an SVG: status colours, red for DOWN; a node is a button that selects it. */
export function TopologyDiagram({ topology, selectedId, onSelect }: { topology: Topology; selectedId: string | null; onSelect: (id: string) => void }) {
  const layout = layoutTopology(topology)
  const onKey = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onSelect(id)
    }
  }
  return (
    <div className="overflow-x-auto">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="mx-auto block h-auto w-full"
        style={{ minWidth: Math.min(layout.width, 640), maxWidth: layout.width * 1.25 }}
        role="group"
        aria-label="System architecture"
      >
        <g>
          {layout.edges.map(({ edge, path, down }) => (
            <path
              key={`${edge.from}->${edge.to}`}
              d={path}
              fill="none"
              stroke={down ? '#f43f5e' : '#334155'}
              strokeWidth={down ? 1.8 : 1.4}
              strokeDasharray={down ? '5 4' : undefined}
              data-edge={`${edge.from}->${edge.to}`}
            />
          ))}
        </g>
        {layout.nodes.map(({ node, x, y }) => {
          const c = statusColors(node.status)
          const selected = node.id === selectedId
          return (
            <g
              key={node.id}
              data-testid={`arch-node-${node.id}`}
              data-status={node.status}
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={`${node.name}: ${node.status}`}
              onClick={() => onSelect(node.id)}
              onKeyDown={onKey(node.id)}
              className="cursor-pointer outline-none"
              transform={`translate(${x},${y})`}
            >
              <rect
                width={NODE_W}
                height={NODE_H}
                rx={10}
                fill={c.fill}
                stroke={selected ? '#38bdf8' : c.stroke}
                strokeWidth={selected ? 2.5 : 1.5}
              />
              <KindIcon node={node} x={10} y={10} color={c.text} />
              <text x={32} y={23} fill="#f1f5f9" fontSize={13} fontWeight={600}>
                {truncate(node.name, 14)}
              </text>
              <text x={10} y={45} fill={c.text} fontSize={11}>
                {node.status}
                {node.latencyMs !== null && node.latencyMs !== undefined ? ` · ${formatMs(node.latencyMs)}` : ''}
              </text>
              <circle cx={NODE_W - 14} cy={14} r={5} fill={c.stroke}>
                {node.status === 'DOWN' && <animate attributeName="opacity" values="1;0.3;1" dur="1.2s" repeatCount="indefinite" />}
              </circle>
            </g>
          )
        })}
      </svg>
    </div>
  )
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}
