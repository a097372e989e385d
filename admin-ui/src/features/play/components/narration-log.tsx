import { useEffect, useRef } from 'react'
import { cn } from '@/lib/utils'
import type { LogLine } from '../reducer'

const STYLE: Record<LogLine['kind'], string> = {
  command: 'text-sky-300 font-mono',
  narration: 'text-slate-100',
  result: 'text-slate-100',
  event: 'text-amber-200/90 italic',
  error: 'text-rose-300',
  system: 'text-slate-500 text-xs',
}

/** Every narration, result, event and error line, newest last; keeps itself scrolled to the bottom. */
export function NarrationLog({ lines }: { lines: LogLine[] }) {
  const ref = useRef<HTMLDivElement>(null)
  const stick = useRef(true)
  useEffect(() => {
    const el = ref.current
    if (el && stick.current) el.scrollTop = el.scrollHeight
  }, [lines])
  return (
    <div
      ref={ref}
      data-testid="narration-log"
      role="log"
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40
      }}
      className="h-full min-h-64 space-y-2 overflow-y-auto p-4 text-sm leading-relaxed"
    >
      {lines.length === 0 && <p className="text-slate-500">Connecting to the world…</p>}
      {lines.map((l) => (
        <p key={l.key} data-kind={l.kind} data-streaming={l.streaming ? 'true' : undefined} className={cn('whitespace-pre-wrap', STYLE[l.kind])}>
          {l.kind === 'command' && <span className="select-none text-slate-500">&gt; </span>}
          {l.kind === 'error' && l.tag && <span className="mr-1 rounded bg-rose-500/15 px-1 text-xs">{l.tag}</span>}
          {l.text}
          {l.note && (
            <span data-testid="command-note" className="ml-2 font-sans text-xs text-amber-300/80">
              ({l.note})
            </span>
          )}
          {l.streaming && <span className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-slate-300 align-middle" aria-hidden />}
        </p>
      ))}
    </div>
  )
}
