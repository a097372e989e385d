import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { Empty } from '@/components/ui/feedback'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { DASH, formatDateTime, relativeTime } from '@/lib/format'
import type { ModerationFlag } from '../schema'

const SOURCES: Record<string, string> = {
  say: 'said',
  tell: 'told an NPC',
  talk: 'asked an NPC',
  unknown: 'typed',
  name: 'name',
  narration: 'narration',
  npc_reply: 'NPC reply',
}

/** One row per flag: when, what kind of text, whose, the text itself, why and who decided. */
export function FlagsTable({ flags, now }: { flags: ModerationFlag[]; now: number }) {
  if (flags.length === 0) return <Empty>Nothing flagged: no player text withheld, no model output replaced.</Empty>
  return (
    <Table>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Kind</Th>
          <Th>Player</Th>
          <Th>Text</Th>
          <Th>Why</Th>
          <Th>Checked by</Th>
        </tr>
      </thead>
      <tbody>
        {flags.map((f) => (
          <Tr key={f.id} data-testid={`flag-${f.id}`}>
            <Td className="whitespace-nowrap text-slate-400" title={formatDateTime(f.ts)}>
              {relativeTime(f.ts, now)}
            </Td>
            <Td>
              <Badge>{SOURCES[f.source] ?? f.source}</Badge>
            </Td>
            <Td>
              {f.playerId ? (
                <Link className="text-sky-300 hover:underline" to={`/admin/players/${encodeURIComponent(f.playerId)}`}>
                  {f.playerName ?? f.playerId}
                </Link>
              ) : (
                DASH
              )}
            </Td>
            <Td className="max-w-96 text-slate-200">
              <span className="line-clamp-3 break-words" title={f.text}>
                {f.text}
              </span>
            </Td>
            <Td className="text-slate-300">{f.categories.length > 0 ? f.categories.join(', ') : DASH}</Td>
            <Td className="text-slate-400">{f.checker ?? DASH}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
