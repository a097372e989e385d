import { Trash2 } from 'lucide-react'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Empty } from '@/components/ui/feedback'
import { formatDateTime, relativeTime } from '@/lib/format'
import { provenanceLabel, type MemoryRecord } from '../schema'

const KIND_TONE: Record<string, Tone> = { observation: 'neutral', conversation: 'info', reflection: 'warn' }
const SOURCE_TONE: Record<string, Tone> = { witnessed: 'neutral', told: 'info', heard: 'warn' }

/** Memories with kind, where each came from (provenance), importance and times; each can be deleted. */
export function MemoryList({ memories, onDelete, now, empty }: { memories: MemoryRecord[]; onDelete: (m: MemoryRecord) => void; now: number; empty: string }) {
  if (memories.length === 0) return <Empty>{empty}</Empty>
  return (
    <ul className="divide-y divide-slate-800">
      {memories.map((m) => (
        <li key={m.id} data-testid={`npc-memory-${m.id}`} className="flex gap-3 px-4 py-3">
          <div className="min-w-0 flex-1">
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <Badge tone={KIND_TONE[m.kind] ?? 'neutral'}>{m.kind}</Badge>
              <span data-testid={`npc-memory-source-${m.id}`} title="where this knowledge came from">
                <Badge tone={SOURCE_TONE[m.provenance?.source ?? ''] ?? 'neutral'}>{provenanceLabel(m)}</Badge>
              </span>
              {m.importance !== null && <span title="importance 1–10">importance {m.importance}</span>}
              <span title={formatDateTime(m.createdAt)}>{relativeTime(m.createdAt, now)}</span>
              {m.subjectId && <span className="truncate">about {m.subjectId}</span>}
              {m.evidence && m.evidence.length > 0 && <span>rests on {m.evidence.length} memor{m.evidence.length === 1 ? 'y' : 'ies'}</span>}
            </div>
            <p className="text-sm break-words whitespace-pre-wrap text-slate-200">{m.text}</p>
          </div>
          <Button size="icon" variant="ghost" data-testid={`npc-memory-delete-${m.id}`} aria-label="Delete this memory" onClick={() => onDelete(m)} className="text-slate-500 hover:text-rose-300">
            <Trash2 className="h-4 w-4" aria-hidden />
          </Button>
        </li>
      ))}
    </ul>
  )
}
