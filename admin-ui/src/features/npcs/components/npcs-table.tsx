import { Link, useNavigate } from 'react-router'
import { Empty } from '@/components/ui/feedback'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { DASH, formatNumber } from '@/lib/format'
import type { AdminNpc } from '../schema'

export function NpcsTable({ npcs }: { npcs: AdminNpc[] }) {
  const navigate = useNavigate()
  if (npcs.length === 0) return <Empty>The world has no NPC.</Empty>
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Location</Th>
          <Th className="text-right">Conversations</Th>
          <Th className="text-right">Memories</Th>
        </tr>
      </thead>
      <tbody>
        {npcs.map((n) => (
          <Tr key={n.id} data-testid={`npc-row-${n.id}`} className="cursor-pointer hover:bg-slate-800/40" onClick={() => void navigate(`/admin/npcs/${encodeURIComponent(n.id)}`)}>
            <Td>
              <Link to={`/admin/npcs/${encodeURIComponent(n.id)}`} onClick={(e) => e.stopPropagation()} className="font-medium text-slate-100 hover:text-sky-300">
                {n.name}
              </Link>
              {n.title && <p className="text-xs text-slate-500">{n.title}</p>}
            </Td>
            <Td className="text-slate-300">{n.locationName ?? n.locationId ?? DASH}</Td>
            <Td className="text-right tabular-nums">{formatNumber(n.conversations)}</Td>
            <Td className="text-right tabular-nums" title={n.memories === null ? 'memory-service is down' : undefined}>
              {formatNumber(n.memories)}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
