import type { StreamStatus } from '../schema'
import { cn } from '@/lib/utils'

const LABELS: Record<StreamStatus, string> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  forbidden: 'not allowed',
  closed: 'offline',
}

/** `live` while the admin stream is connected; the dashboard gives it the `live-indicator` test id. */
export function LiveIndicator({ status, testId }: { status: StreamStatus; testId?: string }) {
  const live = status === 'live'
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={cn(
        'inline-flex items-center gap-2 rounded-full border px-2.5 py-1 text-xs font-medium',
        live ? 'border-emerald-700/60 bg-emerald-500/10 text-emerald-300' : 'border-amber-700/60 bg-amber-500/10 text-amber-300',
      )}
    >
      <span className={cn('h-2 w-2 rounded-full', live ? 'animate-pulse bg-emerald-400' : 'bg-amber-400')} aria-hidden />
      {LABELS[status]}
    </span>
  )
}
