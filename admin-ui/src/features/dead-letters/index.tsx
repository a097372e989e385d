import { useState } from 'react'
import { errorMessage } from '@/api/errors'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ErrorNotice, PageHeader, Spinner } from '@/components/ui/feedback'
import { useToast } from '@/components/ui/toast'
import { useNow } from '@/hooks/use-now'
import { useDeadLetterAction, useDeadLetters, type DeadLetterAction } from './api'
import { DeadLettersTable } from './components/dead-letters-table'
import type { DeadLetter } from './schema'

const letterName = (d: DeadLetter) => `the ${d.kind}${d.ownerId ? ` of ${d.ownerId}` : ''}`
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * `/admin/dead-letters`: memory writes that failed on every attempt and were set aside so the queue goes on.
 * Replay puts one back on the memory queue (its idempotency key keeps it from being stored twice); Delete drops it.
 */
export function DeadLettersPage() {
  const letters = useDeadLetters()
  const act = useDeadLetterAction()
  const toast = useToast()
  const now = useNow(10_000)
  const [pending, setPending] = useState<{ letter: DeadLetter; action: DeadLetterAction } | null>(null)
  const total = letters.data?.total ?? 0
  const shown = letters.data?.items.length ?? 0

  const run = () => {
    if (!pending) return
    const { letter, action } = pending
    act.mutate(
      { id: letter.id, action },
      {
        onSuccess: () => toast.success(action === 'replay' ? `Replaying ${letterName(letter)}.` : `Deleted ${letterName(letter)}.`),
        onError: (e) => toast.error(errorMessage(e)),
        onSettled: () => setPending(null),
      },
    )
  }

  return (
    <>
      <PageHeader
        title="Memory dead letters"
        description={
          letters.data ? (
            <span data-testid="dead-letters-total">
              {total} memory write{total === 1 ? '' : 's'} that failed every attempt{shown < total ? ` (showing ${shown})` : ''}
            </span>
          ) : undefined
        }
      />
      <Card className="p-0 sm:p-2">
        {letters.isError && !letters.data ? (
          <ErrorNotice className="m-3" title="Dead letters could not be loaded">
            {errorMessage(letters.error)}
          </ErrorNotice>
        ) : !letters.data ? (
          <Spinner className="p-4" />
        ) : (
          <DeadLettersTable items={letters.data.items} now={now} onAction={(letter, action) => setPending({ letter, action })} />
        )}
      </Card>
      <ConfirmDialog
        open={pending !== null}
        busy={act.isPending}
        danger={pending?.action === 'delete'}
        title={pending?.action === 'replay' ? 'Replay this memory write?' : 'Delete this dead letter?'}
        confirmLabel={pending?.action === 'replay' ? 'Replay' : 'Delete'}
        onCancel={() => setPending(null)}
        onConfirm={run}
      >
        {pending?.action === 'replay' && `${capitalised(letterName(pending.letter))} goes back on the memory queue; if it fails again it comes back here.`}
        {pending?.action === 'delete' && `${capitalised(letterName(pending.letter))} is dropped for good: the memory it carried is never written.`}
      </ConfirmDialog>
    </>
  )
}
