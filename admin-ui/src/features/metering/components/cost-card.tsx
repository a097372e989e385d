import { Coins } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '@/api/errors'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { Empty, ErrorNotice, Spinner } from '@/components/ui/feedback'
import { Input, Label } from '@/components/ui/input'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { useToast } from '@/components/ui/toast'
import { formatCost, formatNumber } from '@/lib/format'
import { meteringUnsupported, useMetering, useWorldBudget } from '../api'
import { parseBudgetField, type Metering } from '../schema'
import { BudgetUse } from './budget-use'

function hourLabel(hour: string | null): string | null {
  if (!hour) return null
  const d = new Date(hour)
  if (Number.isNaN(d.getTime())) return null
  return `since ${d.toISOString().slice(11, 16)} UTC`
}

/**
 * The Dashboard's "LLM cost" card: cost per player-hour, the world's tokens and cost this hour against its
 * budget (which the admin can set here), who is over budget, and tokens and cost by backend role. Its own
 * REST query (`GET /api/admin/metering`, every 10 s), so the rest of the Dashboard works without it.
 */
export function CostCard() {
  const metering = useMetering()
  return (
    <Card data-testid="llm-cost">
      <CardHeader
        title="LLM cost"
        icon={<Coins className="h-4 w-4 text-amber-400" aria-hidden />}
        actions={metering.data && <span className="text-xs text-slate-500">this hour {hourLabel(metering.data.hour) ?? ''}</span>}
      />
      <CardContent>
        {metering.data ? (
          <>
            {metering.isError && (
              <p className="mb-3 text-xs text-amber-300" role="status">
                Could not refresh: {errorMessage(metering.error)}
              </p>
            )}
            <CostFigures metering={metering.data} />
          </>
        ) : metering.isError ? (
          meteringUnsupported(metering.error) ? (
            <div data-testid="llm-cost-unavailable">
              <Empty>This orchestrator does not meter LLM tokens (no /api/admin/metering).</Empty>
            </div>
          ) : (
            <ErrorNotice title="LLM cost could not be loaded">{errorMessage(metering.error)}</ErrorNotice>
          )
        ) : (
          <Spinner />
        )}
      </CardContent>
    </Card>
  )
}

function CostFigures({ metering }: { metering: Metering }) {
  const { currency, world } = metering
  const over = metering.players.filter((p) => p.overBudget)
  const roles = Object.keys({ ...metering.prices, ...metering.roles })
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <div data-testid="cost-per-player-hour" data-currency={currency}>
          <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Cost per player-hour</p>
          <p data-testid="cost-per-player-hour-value" className="mt-1 text-3xl font-semibold text-slate-50 tabular-nums">
            {formatCost(metering.costPerPlayerHour, currency)}
          </p>
          <p className="text-xs text-slate-400">
            {currency} per player-hour · {formatNumber(metering.playersThisHour)} player{metering.playersThisHour === 1 ? '' : 's'} this hour
          </p>
        </div>
        <div data-testid="cost-world">
          <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">World this hour</p>
          <p className="mt-1 text-2xl font-semibold text-slate-50 tabular-nums">{formatCost(world.cost, currency)}</p>
          <p className="text-xs text-slate-400">
            {formatNumber(world.tokens)} tokens · {formatNumber(world.promptTokens)} prompt · {formatNumber(world.completionTokens)} completion
          </p>
        </div>
        <div data-testid="cost-world-budget">
          <p className="mb-1 flex items-center gap-2 text-xs font-medium tracking-wide text-slate-400 uppercase">
            World budget / hour
            {world.overBudget && <Badge tone="bad">over budget</Badge>}
          </p>
          <BudgetUse tokens={world.tokens} budget={world.budgetPerHour} />
          <WorldBudgetForm current={world.budgetPerHour} />
        </div>
        <div data-testid="cost-over-budget">
          <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Players over budget</p>
          <p className={over.length > 0 ? 'mt-1 text-2xl font-semibold text-rose-300 tabular-nums' : 'mt-1 text-2xl font-semibold text-slate-50 tabular-nums'}>
            {over.length}
          </p>
          {over.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
              {over.slice(0, 8).map((p) => (
                <li key={p.playerId}>
                  <Link to={`/admin/players/${encodeURIComponent(p.playerId)}`} className="text-rose-300 hover:text-rose-200">
                    {p.name}
                  </Link>
                </li>
              ))}
              {over.length > 8 && <li className="text-slate-500">+{over.length - 8} more</li>}
            </ul>
          ) : (
            <p className="text-xs text-slate-400">they get rules narration and authored NPC answers</p>
          )}
        </div>
      </div>
      {roles.length > 0 && (
        <Table>
          <thead>
            <tr>
              <Th>Role</Th>
              <Th className="text-right">Price / 1k tokens</Th>
              <Th className="text-right">Tokens this hour</Th>
              <Th className="text-right">Cost this hour</Th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <Tr key={role} data-testid={`cost-role-${role}`}>
                <Td className="font-medium text-slate-100">{role}</Td>
                <Td className="text-right tabular-nums">{formatCost(metering.prices[role], currency)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(metering.roles[role]?.tokens)}</Td>
                <Td className="text-right tabular-nums">{formatCost(metering.roles[role]?.cost, currency)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  )
}

/** Sets the world's tokens per hour; 0 = no world budget. */
function WorldBudgetForm({ current }: { current: number }) {
  const toast = useToast()
  const save = useWorldBudget()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseBudgetField(text)
    if ('error' in parsed || parsed.value === null) {
      setError('error' in parsed ? `The world budget must be ${parsed.error}.` : 'Enter tokens per hour (0 for no world budget).')
      return
    }
    setError(null)
    const perHour = parsed.value
    save.mutate(perHour, {
      onSuccess: () => {
        setText('')
        toast.success(perHour > 0 ? `World budget set to ${formatNumber(perHour)} tokens per hour.` : 'World budget removed.')
      },
      onError: (err) => setError(errorMessage(err)),
    })
  }

  return (
    <form className="mt-2" onSubmit={submit} noValidate>
      <Label htmlFor="world-budget-input">Tokens per hour (0 = none)</Label>
      <div className="flex gap-2">
        <Input
          id="world-budget-input"
          data-testid="world-budget-input"
          inputMode="numeric"
          placeholder={current > 0 ? String(current) : 'none'}
          value={text}
          aria-invalid={error !== null}
          onChange={(e) => setText(e.target.value)}
        />
        <Button data-testid="world-budget-save" type="submit" size="md" disabled={save.isPending}>
          Save
        </Button>
      </div>
      {error && (
        <p role="alert" data-testid="world-budget-error" className="mt-1 text-xs text-rose-300">
          {error}
        </p>
      )}
    </form>
  )
}
