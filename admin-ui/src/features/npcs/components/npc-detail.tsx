import { BookOpen, UserRound } from 'lucide-react'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { DASH, formatNumber } from '@/lib/format'
import type { AdminNpcDetail } from '../schema'
import { NpcMemories } from './npc-memories'

/** Persona, knowledge and memories (the `npc-detail` hook covers all three). */
export function NpcDetail({ npc }: { npc: AdminNpcDetail }) {
  return (
    <div data-testid="npc-detail" className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="space-y-4">
        <Card>
          <CardHeader title={npc.name} icon={<UserRound className="h-4 w-4 text-sky-400" aria-hidden />} />
          <CardContent className="space-y-3 text-sm">
            {npc.title && <p className="text-slate-400">{npc.title}</p>}
            <dl className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-xs text-slate-500">Location</dt>
                <dd className="text-slate-100">{npc.locationName ?? npc.locationId ?? DASH}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Conversations</dt>
                <dd className="text-slate-100">{formatNumber(npc.conversations)}</dd>
              </div>
            </dl>
            <div>
              <h3 className="mb-1 text-xs text-slate-500">Persona</h3>
              <p className="leading-relaxed whitespace-pre-wrap text-slate-200" data-testid="npc-persona">
                {npc.persona ?? DASH}
              </p>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader title="Knowledge" icon={<BookOpen className="h-4 w-4 text-amber-400" aria-hidden />} />
          <CardContent>
            {npc.knowledge.length === 0 ? (
              <p className="text-sm text-slate-500">Nothing beyond the persona.</p>
            ) : (
              <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-300">
                {npc.knowledge.map((k, i) => (
                  <li key={i}>{k}</li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      <NpcMemories npc={npc} />
    </div>
  )
}
