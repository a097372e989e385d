import { Check, X } from 'lucide-react'
import { Empty } from '@/components/ui/feedback'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { DASH, formatDateTime } from '@/lib/format'
import type { PlayerEvent } from '../schema'

/** The player's last events, newest first. */
export function RecentEvents({ events }: { events: PlayerEvent[] }) {
  if (events.length === 0) return <Empty>No event yet.</Empty>
  return (
    <Table>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Where</Th>
          <Th>Verb</Th>
          <Th>Command</Th>
          <Th>Outcome</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <Tr key={`${e.at}-${i}`} data-testid="player-event">
            <Td className="text-xs whitespace-nowrap text-slate-400">{formatDateTime(e.at)}</Td>
            <Td className="text-slate-300">{e.locationId ?? DASH}</Td>
            <Td className="text-slate-300">{e.verb ?? DASH}</Td>
            <Td className="text-slate-100">{e.text}</Td>
            <Td className="text-slate-300">
              <span className="flex items-start gap-1.5">
                {e.success === false ? <X className="mt-0.5 h-4 w-4 shrink-0 text-rose-400" aria-label="refused" /> : <Check className="mt-0.5 h-4 w-4 shrink-0 text-emerald-400" aria-label="done" />}
                <span className="line-clamp-2">{e.message ?? ''}</span>
              </span>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
