import { useState } from 'react'
import { errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ErrorNotice, PageHeader, Spinner } from '@/components/ui/feedback'
import { useToast } from '@/components/ui/toast'
import { useNow } from '@/hooks/use-now'
import { PAGE_SIZE, useModerationFlags, useModerationSetting, useSetModerationMode } from './api'
import { FlagsTable } from './components/flags-table'
import { MODES, type ModerationMode } from './schema'

const MODE_HELP: Record<ModerationMode, string> = {
  off: 'Nothing is checked.',
  words: 'The built-in word and pattern list.',
  endpoint: 'The moderation endpoint; the word list while it is down.',
}

/** The world's mode: three buttons, the current one pressed. */
function ModeCard() {
  const setting = useModerationSetting()
  const change = useSetModerationMode()
  const toast = useToast()
  const current = setting.data?.mode
  const choose = (mode: ModerationMode) =>
    change.mutate(mode, {
      onSuccess: (s) => toast.success(`Moderation is now "${s.mode}".`),
      onError: (e) => toast.error(errorMessage(e)),
    })
  return (
    <Card className="mb-4 p-4">
      <div className="mb-2 text-sm font-medium text-slate-200">World moderation</div>
      {setting.isError && !setting.data ? (
        <ErrorNotice title="The moderation mode could not be loaded">{errorMessage(setting.error)}</ErrorNotice>
      ) : (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Moderation mode">
          {MODES.map((mode) => (
            <Button
              key={mode}
              size="sm"
              variant={mode === current ? 'primary' : 'ghost'}
              aria-pressed={mode === current}
              data-testid={`moderation-mode-${mode}`}
              disabled={!setting.data || change.isPending}
              title={MODE_HELP[mode]}
              onClick={() => mode !== current && choose(mode)}
            >
              {mode}
            </Button>
          ))}
          {current && <span className="text-xs text-slate-400">{MODE_HELP[current]}</span>}
        </div>
      )}
    </Card>
  )
}

/**
 * `/admin/moderation`: what the world's moderation flagged (player text withheld, model output replaced by the
 * rules' text), newest first, a page at a time, and the world's mode.
 */
export function ModerationPage() {
  const [offset, setOffset] = useState(0)
  const flags = useModerationFlags(offset)
  const now = useNow(10_000)
  const total = flags.data?.total ?? 0
  const shown = flags.data?.flags.length ?? 0

  return (
    <>
      <PageHeader
        title="Moderation"
        description={
          flags.data ? (
            <span data-testid="moderation-total">
              {total} flagged text{total === 1 ? '' : 's'}
              {total > 0 ? ` (showing ${shown === 0 ? 0 : offset + 1}–${offset + shown})` : ''}
            </span>
          ) : undefined
        }
      />
      <ModeCard />
      <Card className="p-0 sm:p-2">
        {flags.isError && !flags.data ? (
          <ErrorNotice className="m-3" title="Flags could not be loaded">
            {errorMessage(flags.error)}
          </ErrorNotice>
        ) : !flags.data ? (
          <Spinner className="p-4" />
        ) : (
          <FlagsTable flags={flags.data.flags} now={now} />
        )}
      </Card>
      <div className="mt-3 flex justify-end gap-2">
        <Button size="sm" variant="ghost" data-testid="moderation-newer" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Newer
        </Button>
        <Button size="sm" variant="ghost" data-testid="moderation-older" disabled={offset + shown >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Older
        </Button>
      </div>
    </>
  )
}
