import type { HTMLAttributes } from 'react'
import { cn } from '@/lib/utils'

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info'

const tones: Record<Tone, string> = {
  neutral: 'border-slate-700 bg-slate-800 text-slate-300',
  good: 'border-emerald-700/60 bg-emerald-500/10 text-emerald-300',
  warn: 'border-amber-700/60 bg-amber-500/10 text-amber-300',
  bad: 'border-rose-700/60 bg-rose-500/10 text-rose-300',
  info: 'border-sky-700/60 bg-sky-500/10 text-sky-300',
}

export function Badge({ tone = 'neutral', className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', tones[tone], className)}
      {...props}
    />
  )
}

/** Tone of an UP / DEGRADED / DOWN status. */
export function statusTone(status: string | null | undefined): Tone {
  switch (status) {
    case 'UP': return 'good'
    case 'DEGRADED': return 'warn'
    case 'DOWN': return 'bad'
    default: return 'neutral'
  }
}
