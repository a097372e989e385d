import { Backpack } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { HpBar } from '@/components/ui/hp-bar'
import { DASH, formatDateTime, formatNumber, relativeTime } from '@/lib/format'
import { bannedUntil, type AdminPlayerDetail } from '../schema'
import { OnlineBadge } from './players-table'
import { PlayerActions } from './player-actions'
import { RecentEvents } from './recent-events'

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-100">{children}</dd>
    </div>
  )
}

/** Everything about one player (the `player-detail` hook covers state, recent events and actions). */
export function PlayerDetail({ player, now, budget }: { player: AdminPlayerDetail; now: number; budget?: React.ReactNode }) {
  const banned = bannedUntil(player, now)
  return (
    <div data-testid="player-detail" className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-4">
        <Card>
          <CardHeader
            title={
              <span className="flex items-center gap-2">
                {player.name}
                {player.role === 'admin' && <Badge tone="info">admin</Badge>}
                {banned !== null && <Badge tone="bad">banned</Badge>}
              </span>
            }
            actions={<OnlineBadge online={player.online} />}
          />
          <CardContent>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <Field label="Location">{player.locationName ?? player.locationId ?? DASH}</Field>
              <Field label="HP">
                <HpBar hp={player.hp} maxHp={player.maxHp} />
              </Field>
              <Field label="Actions today">{formatNumber(player.actionsToday)}</Field>
              <Field label="Last action">
                {player.lastAction ? `${player.lastAction.text} · ${relativeTime(player.lastAction.at, now)}` : DASH}
              </Field>
              <Field label="Registered">{formatDateTime(player.createdAt)}</Field>
              <Field label="Banned until">
                <span data-testid="player-banned-until" className={banned !== null ? 'text-rose-300' : 'text-slate-500'}>
                  {banned !== null ? formatDateTime(banned) : 'not banned'}
                </span>
              </Field>
              <Field label="Id">
                <span className="font-mono text-xs break-all text-slate-400">{player.id}</span>
              </Field>
            </dl>
            <div className="mt-4">
              <p className="mb-1.5 flex items-center gap-1.5 text-xs text-slate-500">
                <Backpack className="h-3.5 w-3.5" aria-hidden /> Inventory
              </p>
              {player.inventory.length === 0 ? (
                <p className="text-sm text-slate-500">Empty-handed.</p>
              ) : (
                <div className="flex flex-wrap gap-1.5">
                  {player.inventory.map((i) => (
                    <Badge key={i.id}>{i.name}</Badge>
                  ))}
                </div>
              )}
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader title="Recent events" />
          <CardContent className="p-0 sm:p-2">
            <RecentEvents events={player.recentEvents} />
          </CardContent>
        </Card>
      </div>
      <div className="space-y-4 self-start">
        <Card>
          <CardHeader title="Admin actions" />
          <CardContent>
            <PlayerActions player={player} now={now} />
          </CardContent>
        </Card>
        {budget}
      </div>
    </div>
  )
}
