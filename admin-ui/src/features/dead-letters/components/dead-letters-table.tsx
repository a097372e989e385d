import { RotateCcw, Trash2 } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Empty } from '@/components/ui/feedback'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { DASH, formatDateTime, formatNumber, relativeTime } from '@/lib/format'
import type { DeadLetterAction } from '../api'
import type { DeadLetter } from '../schema'

/** One row per failed write, newest as the server orders them, each with Replay and Delete. */
export function DeadLettersTable({ items, now, onAction }: { items: DeadLetter[]; now: number; onAction: (d: DeadLetter, action: DeadLetterAction) => void }) {
  if (items.length === 0) return <Empty>No dead letters: every memory write went through.</Empty>
  return (
    <Table>
      <thead>
        <tr>
          <Th>Kind</Th>
          <Th>Owner</Th>
          <Th>Summary</Th>
          <Th>Last error</Th>
          <Th className="text-right">Attempts</Th>
          <Th>Failed</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <Tr key={d.id} data-testid={`dead-letter-${d.id}`}>
            <Td>
              <Badge>{d.kind}</Badge>
            </Td>
            <Td className="font-mono text-xs text-slate-300">{d.ownerId ?? DASH}</Td>
            <Td className="max-w-72 text-slate-200">
              <span className="line-clamp-2 break-words" title={d.summary ?? undefined}>
                {d.summary ?? DASH}
              </span>
            </Td>
            <Td className="max-w-64 text-rose-300/90">
              <span className="line-clamp-2 font-mono text-xs break-words" title={d.lastError ?? undefined}>
                {d.lastError ?? DASH}
              </span>
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(d.attempts)}</Td>
            <Td className="whitespace-nowrap text-slate-400" title={formatDateTime(d.failedAt)}>
              {relativeTime(d.failedAt, now)}
            </Td>
            <Td>
              <div className="flex justify-end gap-1">
                <Button size="sm" data-testid={`dead-letter-replay-${d.id}`} onClick={() => onAction(d, 'replay')}>
                  <RotateCcw className="h-3.5 w-3.5" aria-hidden /> Replay
                </Button>
                <Button
                  size="icon"
                  variant="ghost"
                  data-testid={`dead-letter-delete-${d.id}`}
                  aria-label="Delete this dead letter"
                  onClick={() => onAction(d, 'delete')}
                  className="text-slate-500 hover:text-rose-300"
                >
                  <Trash2 className="h-4 w-4" aria-hidden />
                </Button>
              </div>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
