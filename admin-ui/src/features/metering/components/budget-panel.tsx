import { RotateCcw } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { errorMessage } from '@/api/errors'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Empty, ErrorNotice, Spinner } from '@/components/ui/feedback'
import { Input, Label } from '@/components/ui/input'
import { useToast } from '@/components/ui/toast'
import { formatCost } from '@/lib/format'
import { meteringUnsupported, useBudgetAction, useMetering, usePlayerBudget } from '../api'
import { parseBudgetField, type PlayerBudget } from '../schema'
import { BudgetUse } from './budget-use'

/**
 * A player's LLM spend against their budget (`GET /api/admin/players/{id}/budget`), a form to raise or lower
 * it (empty = the default) and a Reset that zeroes this hour's and today's spend. An over-budget player still
 * plays: rules narration and authored NPC answers instead of the LLMs.
 */
export function BudgetPanel({ playerId, playerName }: { playerId: string; playerName: string }) {
  const budget = usePlayerBudget(playerId)
  const currency = useMetering().data?.currency ?? 'USD'
  return (
    <Card data-testid="player-budget" className="self-start">
      <CardHeader
        title="LLM budget"
        actions={
          budget.data &&
          (budget.data.overBudget ? (
            <Badge tone="bad" data-testid="player-budget-over">over budget</Badge>
          ) : (
            <Badge tone={budget.data.custom ? 'info' : 'neutral'}>{budget.data.custom ? 'custom' : 'default'}</Badge>
          ))
        }
      />
      <CardContent>
        {budget.data ? (
          <BudgetBody entry={budget.data} playerName={playerName} currency={currency} />
        ) : budget.isError ? (
          meteringUnsupported(budget.error) ? (
            <Empty>No budget: this orchestrator does not meter LLM tokens, or the player is unknown.</Empty>
          ) : (
            <ErrorNotice title="The budget could not be loaded">{errorMessage(budget.error)}</ErrorNotice>
          )
        ) : (
          <Spinner />
        )}
      </CardContent>
    </Card>
  )
}

function BudgetBody({ entry, playerName, currency }: { entry: PlayerBudget; playerName: string; currency: string }) {
  const toast = useToast()
  const action = useBudgetAction(entry.playerId)
  const [perHour, setPerHour] = useState('')
  const [perDay, setPerDay] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [confirmReset, setConfirmReset] = useState(false)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const hour = parseBudgetField(perHour)
    const day = parseBudgetField(perDay)
    if ('error' in hour || 'error' in day) {
      setError(['error' in hour ? `Per hour: ${hour.error}.` : '', 'error' in day ? `Per day: ${day.error}.` : ''].filter(Boolean).join(' '))
      return
    }
    setError(null)
    action.mutate(
      { kind: 'set', change: { perHour: hour.value, perDay: day.value } },
      {
        onSuccess: () => {
          setPerHour('')
          setPerDay('')
          toast.success(`${playerName}'s budget was saved.`)
        },
        onError: (err) => setError(errorMessage(err)),
      },
    )
  }

  const reset = () =>
    action.mutate(
      { kind: 'reset' },
      {
        onSuccess: () => {
          setConfirmReset(false)
          toast.success(`${playerName}'s spend this hour and today was reset.`)
        },
        onError: (err) => {
          setConfirmReset(false)
          toast.error(errorMessage(err))
        },
      },
    )

  return (
    <div className="space-y-4">
      <dl className="space-y-3">
        <div>
          <dt className="flex items-baseline justify-between text-xs text-slate-500">
            This hour <span data-testid="player-budget-cost-hour" className="text-slate-300 tabular-nums">{formatCost(entry.costThisHour, currency)}</span>
          </dt>
          <dd className="mt-1">
            <BudgetUse testId="player-budget-hour" tokens={entry.tokensThisHour} budget={entry.budgetPerHour} />
          </dd>
        </div>
        <div>
          <dt className="flex items-baseline justify-between text-xs text-slate-500">
            Today <span data-testid="player-budget-cost-day" className="text-slate-300 tabular-nums">{formatCost(entry.costToday, currency)}</span>
          </dt>
          <dd className="mt-1">
            <BudgetUse testId="player-budget-day" tokens={entry.tokensToday} budget={entry.budgetPerDay} />
          </dd>
        </div>
      </dl>
      {entry.overBudget && (
        <p className="text-xs text-rose-300">Over budget: {playerName} gets rules narration and authored NPC answers until the budget is raised or reset.</p>
      )}
      <form onSubmit={submit} noValidate className="space-y-2">
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="budget-per-hour">Tokens per hour</Label>
            <Input
              id="budget-per-hour"
              data-testid="budget-per-hour"
              inputMode="numeric"
              placeholder={entry.custom ? String(entry.budgetPerHour) : 'default'}
              value={perHour}
              aria-invalid={error !== null}
              onChange={(e) => setPerHour(e.target.value)}
            />
          </div>
          <div>
            <Label htmlFor="budget-per-day">Tokens per day</Label>
            <Input
              id="budget-per-day"
              data-testid="budget-per-day"
              inputMode="numeric"
              placeholder={entry.custom ? String(entry.budgetPerDay) : 'default'}
              value={perDay}
              aria-invalid={error !== null}
              onChange={(e) => setPerDay(e.target.value)}
            />
          </div>
        </div>
        <p className="text-xs text-slate-500">Empty = the default budget.</p>
        {error && (
          <p role="alert" data-testid="budget-error" className="text-xs text-rose-300">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button data-testid="budget-save" type="submit" variant="primary" disabled={action.isPending}>
            Save budget
          </Button>
          <Button data-testid="budget-reset" onClick={() => setConfirmReset(true)} disabled={action.isPending}>
            <RotateCcw className="h-4 w-4" aria-hidden /> Reset spend
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmReset}
        busy={action.isPending}
        title={`Reset ${playerName}'s spend?`}
        confirmLabel="Reset spend"
        onCancel={() => setConfirmReset(false)}
        onConfirm={reset}
      >
        This hour's and today's tokens go back to 0, so {playerName} is under budget again. The budget itself stays.
      </ConfirmDialog>
    </div>
  )
}
