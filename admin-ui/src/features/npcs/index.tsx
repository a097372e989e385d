import { ArrowLeft } from 'lucide-react'
import { Link, useParams } from 'react-router'
import { ApiError, errorMessage } from '@/api/errors'
import { Card } from '@/components/ui/card'
import { ErrorNotice, PageHeader, Spinner } from '@/components/ui/feedback'
import { useNpc, useNpcs } from './api'
import { NpcDetail } from './components/npc-detail'
import { NpcsTable } from './components/npcs-table'

/** `/admin/npcs`: every NPC with its place, live conversations and memory count. */
export function NpcsPage() {
  const npcs = useNpcs()
  return (
    <>
      <PageHeader title="NPCs" description={npcs.data ? `${npcs.data.length} characters` : undefined} />
      <Card className="p-0 sm:p-2">
        {npcs.isError && !npcs.data ? (
          <ErrorNotice className="m-3" title="NPCs could not be loaded">
            {errorMessage(npcs.error)}
          </ErrorNotice>
        ) : !npcs.data ? (
          <Spinner className="p-4" />
        ) : (
          <NpcsTable npcs={npcs.data} />
        )}
      </Card>
    </>
  )
}

/** `/admin/npcs/:id`: persona, knowledge and memories (search, delete). */
export function NpcDetailPage() {
  const { id = '' } = useParams()
  const npc = useNpc(id)
  return (
    <>
      <Link to="/admin/npcs" className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-400 hover:text-slate-100">
        <ArrowLeft className="h-4 w-4" aria-hidden /> NPCs
      </Link>
      {npc.isError && !npc.data ? (
        <ErrorNotice title={npc.error instanceof ApiError && npc.error.status === 404 ? 'No such NPC' : 'The NPC could not be loaded'}>
          {errorMessage(npc.error)}
        </ErrorNotice>
      ) : !npc.data ? (
        <Spinner />
      ) : (
        <>
          <PageHeader title={npc.data.name} description={npc.data.title ?? undefined} />
          <NpcDetail npc={npc.data} />
        </>
      )}
    </>
  )
}
