import { cn } from '@/lib/utils'
import { formatNumber } from '@/lib/format'

/** "1,500 of 500,000 tokens" with a bar, or "1,500 tokens · no budget" when the budget is 0. */
export function BudgetUse({ tokens, budget, testId, className }: { tokens: number | null; budget: number; testId?: string; className?: string }) {
  if (budget <= 0) {
    return (
      <div data-testid={testId} className={cn('text-sm text-slate-300', className)}>
        {formatNumber(tokens)} tokens · <span className="text-slate-500">no budget</span>
      </div>
    )
  }
  const share = Math.min(1, Math.max(0, (tokens ?? 0) / budget))
  const over = (tokens ?? 0) >= budget
  return (
    <div data-testid={testId} className={cn('space-y-1', className)}>
      <div className="text-sm text-slate-300 tabular-nums">
        {formatNumber(tokens)} of {formatNumber(budget)} tokens
      </div>
      <div
        className="h-1.5 w-full overflow-hidden rounded-full bg-slate-800"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={tokens ?? 0}
        aria-label="Budget used"
      >
        <div className={cn('h-full rounded-full', over ? 'bg-rose-500' : share > 0.8 ? 'bg-amber-400' : 'bg-emerald-500')} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  )
}
