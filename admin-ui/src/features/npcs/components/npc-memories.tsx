import { Brain, Search } from 'lucide-react'
import { useState } from 'react'
import { errorMessage } from '@/api/errors'
import { Card, CardHeader } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ErrorNotice, Spinner } from '@/components/ui/feedback'
import { Input } from '@/components/ui/input'
import { useToast } from '@/components/ui/toast'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { useNow } from '@/hooks/use-now'
import { useDeleteMemory, useMemorySearch } from '../api'
import type { AdminNpcDetail, MemoryRecord } from '../schema'
import { MemoryList } from './memory-list'

/** Newest memories, or memory-service's best matches for a query; delete with confirmation. */
export function NpcMemories({ npc }: { npc: AdminNpcDetail }) {
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 300)
  const results = useMemorySearch(npc.id, q)
  const remove = useDeleteMemory(npc.id)
  const toast = useToast()
  const now = useNow(30_000)
  const [pending, setPending] = useState<MemoryRecord | null>(null)

  const confirm = () => {
    if (!pending) return
    remove.mutate(pending.id, {
      onSuccess: () => toast.success('Memory deleted.'),
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: () => setPending(null),
    })
  }

  let body: React.ReactNode
  if (!npc.memoriesAvailable) {
    body = <ErrorNotice className="m-3" title="memory-service is down">The NPC's memories cannot be read right now.</ErrorNotice>
  } else if (q) {
    body = results.isError ? (
      <ErrorNotice className="m-3" title="Search failed">{errorMessage(results.error)}</ErrorNotice>
    ) : !results.data ? (
      <Spinner className="p-4" label="Searching…" />
    ) : (
      <MemoryList memories={results.data} onDelete={setPending} now={now} empty="No memory matches." />
    )
  } else {
    body = <MemoryList memories={npc.memories} onDelete={setPending} now={now} empty="This NPC remembers nothing yet." />
  }

  return (
    <Card>
      <CardHeader
        title={`Memories${npc.memoryCount !== null ? ` (${npc.memoryCount})` : ''}`}
        icon={<Brain className="h-4 w-4 text-violet-400" aria-hidden />}
        actions={
          <div className="relative w-56">
            <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-500" aria-hidden />
            <Input
              data-testid="npc-memory-search"
              type="search"
              placeholder="Search memories"
              aria-label="Search memories"
              className="pl-8"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              disabled={!npc.memoriesAvailable}
            />
          </div>
        }
      />
      {body}
      <ConfirmDialog open={pending !== null} danger busy={remove.isPending} title="Delete this memory?" confirmLabel="Delete" onCancel={() => setPending(null)} onConfirm={confirm}>
        <span className="line-clamp-4">“{pending?.text}”</span>
      </ConfirmDialog>
    </Card>
  )
}
