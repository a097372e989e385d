import { useNavigate } from 'react-router'
import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { Empty } from '@/components/ui/feedback'
import { HpBar } from '@/components/ui/hp-bar'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { DASH, formatCost, formatDateTime, formatNumber, relativeTime } from '@/lib/format'
import type { PlayerBudget } from '@/features/metering'
import { bannedUntil, type AdminPlayer } from '../schema'

/**
 * LLM spend from `GET /api/admin/metering`: the players who spent this hour (most first, capped), by id.
 * A player missing from a complete list spent nothing this hour; their spend today is on their own page.
 */
export interface PlayerSpend {
  byId: ReadonlyMap<string, PlayerBudget>
  currency: string
  /** false when the list was cut at its cap, so a missing player is not known to be at zero. */
  complete: boolean
}

export function OnlineBadge({ online }: { online: boolean }) {
  return <Badge tone={online ? 'good' : 'neutral'}>{online ? 'online' : 'offline'}</Badge>
}

/** One row per player; a click opens the detail. With `spend`, LLM cost columns and an over-budget badge. */
export function PlayersTable({ players, now, spend = null }: { players: AdminPlayer[]; now: number; spend?: PlayerSpend | null }) {
  const navigate = useNavigate()
  if (players.length === 0) return <Empty>No player matches.</Empty>
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Status</Th>
          <Th>Location</Th>
          <Th>HP</Th>
          <Th>Last action</Th>
          <Th className="text-right">Actions today</Th>
          {spend && (
            <>
              <Th className="text-right">Cost this hour</Th>
              <Th className="text-right">Cost today</Th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {players.map((p) => {
          const spent = spend?.byId.get(p.id)
          const banned = bannedUntil(p, now)
          return (
            <Tr
              key={p.id}
              data-testid={`player-row-${p.name}`}
              className="cursor-pointer hover:bg-slate-800/40"
              onClick={() => void navigate(`/admin/players/${encodeURIComponent(p.id)}`)}
            >
              <Td className="font-medium text-slate-100">
                <Link to={`/admin/players/${encodeURIComponent(p.id)}`} onClick={(e) => e.stopPropagation()} className="hover:text-sky-300">
                  {p.name}
                </Link>
                {p.role === 'admin' && <Badge tone="info" className="ml-2">admin</Badge>}
                {spent?.overBudget && (
                  <Badge tone="bad" className="ml-2" data-testid={`over-budget-${p.name}`}>
                    over budget
                  </Badge>
                )}
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  <OnlineBadge online={p.online} />
                  {banned !== null && (
                    <Badge tone="bad" data-testid={`banned-${p.name}`} title={`banned until ${formatDateTime(banned)}`}>
                      banned
                    </Badge>
                  )}
                </span>
              </Td>
              <Td className="text-slate-300">{p.locationName ?? p.locationId ?? DASH}</Td>
              <Td>
                <HpBar hp={p.hp} maxHp={p.maxHp} />
              </Td>
              <Td className="max-w-72 text-slate-300">
                {p.lastAction ? (
                  <span className="flex min-w-0 items-baseline gap-2">
                    <span className="truncate" title={p.lastAction.text}>
                      {p.lastAction.text}
                    </span>
                    <span className="shrink-0 text-xs text-slate-500">{relativeTime(p.lastAction.at, now)}</span>
                  </span>
                ) : (
                  DASH
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(p.actionsToday)}</Td>
              {spend && (
                <>
                  <Td className="text-right tabular-nums" data-testid={`player-cost-hour-${p.name}`}>
                    {spent ? formatCost(spent.costThisHour, spend.currency) : spend.complete ? formatCost(0, spend.currency) : DASH}
                  </Td>
                  <Td
                    className="text-right tabular-nums"
                    data-testid={`player-cost-today-${p.name}`}
                    title={spent ? undefined : "No spend this hour; today's spend is on the player's page"}
                  >
                    {spent ? formatCost(spent.costToday, spend.currency) : DASH}
                  </Td>
                </>
              )}
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
