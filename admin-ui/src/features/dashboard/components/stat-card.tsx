import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Card } from '@/components/ui/card'
import { Sparkline } from '@/components/ui/sparkline'
import { cn } from '@/lib/utils'

export function StatCard({
  testId,
  label,
  value,
  sub,
  icon: Icon,
  trend,
  accent = 'text-sky-400',
  alert = false,
}: {
  testId?: string
  label: string
  value: ReactNode
  sub?: ReactNode
  icon: LucideIcon
  trend?: Array<number | null>
  accent?: string
  alert?: boolean
}) {
  return (
    <Card data-testid={testId} className={cn('flex min-w-0 flex-col gap-2 p-3 sm:p-4', alert && 'border-rose-800/70')}>
      <div className="flex items-center justify-between gap-2 text-xs font-medium tracking-wide text-slate-400 uppercase">
        <span className="truncate">{label}</span>
        <Icon className={cn('h-4 w-4 shrink-0', accent)} aria-hidden />
      </div>
      <div className={cn('text-2xl font-semibold tabular-nums', alert ? 'text-rose-300' : 'text-slate-50')}>{value}</div>
      {sub && <div className="text-xs text-slate-400">{sub}</div>}
      {trend && trend.length > 1 && <Sparkline values={trend} className={cn('mt-auto', accent)} label={`${label} trend`} />}
    </Card>
  )
}
