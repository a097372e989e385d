import { cn } from '@/lib/utils'

/** Hit points as "7/10" with a bar that goes amber then red as they fall. */
export function HpBar({ hp, maxHp, className }: { hp: number; maxHp: number; className?: string }) {
  const ratio = maxHp > 0 ? Math.max(0, Math.min(1, hp / maxHp)) : 0
  const color = ratio > 0.5 ? 'bg-emerald-500' : ratio > 0.25 ? 'bg-amber-500' : 'bg-rose-500'
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <div className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-800" aria-hidden>
        <div className={cn('h-full rounded-full', color)} style={{ width: `${ratio * 100}%` }} />
      </div>
      <span className="text-xs text-slate-300 tabular-nums">
        {hp}/{maxHp}
      </span>
    </div>
  )
}
