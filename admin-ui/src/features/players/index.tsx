import { ArrowLeft, ChevronLeft, ChevronRight, Search } from 'lucide-react'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError, errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ErrorNotice, PageHeader, Spinner } from '@/components/ui/feedback'
import { Input } from '@/components/ui/input'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { BudgetPanel, METERING_PLAYER_LIMIT, useMetering } from '@/features/metering'
import { useNow } from '@/hooks/use-now'
import { usePlayer, usePlayers } from './api'
import { PlayerDetail } from './components/player-detail'
import { PlayersTable, type PlayerSpend } from './components/players-table'
import { PAGE_SIZE } from './schema'

/** `/admin/players`: searchable, online first, refreshed every few seconds. */
export function PlayersPage() {
  const [search, setSearch] = useState('')
  const [offset, setOffset] = useState(0)
  const q = useDebouncedValue(search.trim(), 250)
  const players = usePlayers(q, offset)
  const spend = usePlayerSpend()
  const now = useNow(5000)
  const total = players.data?.total ?? 0

  return (
    <>
      <PageHeader title="Players" description={players.data ? `${total} player${total === 1 ? '' : 's'}` : undefined} />
      <Card>
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-800 p-3">
          <div className="relative w-full max-w-xs">
            <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-500" aria-hidden />
            <Input
              data-testid="players-search"
              type="search"
              placeholder="Search by name"
              aria-label="Search players by name"
              className="pl-8"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value)
                setOffset(0)
              }}
            />
          </div>
          {players.isFetching && <Spinner label="" className="ml-auto" />}
        </div>
        {players.isError && !players.data ? (
          <ErrorNotice className="m-3" title="Players could not be loaded">
            {errorMessage(players.error)}
          </ErrorNotice>
        ) : !players.data ? (
          <Spinner className="p-4" />
        ) : (
          <>
            <div className="p-0 sm:p-2">
              <PlayersTable players={players.data.players} now={now} spend={spend} />
            </div>
            {total > PAGE_SIZE && (
              <div className="flex items-center justify-end gap-3 border-t border-slate-800 p-3 text-sm text-slate-400">
                {offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total}
                <Button size="icon" variant="ghost" aria-label="Previous page" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  <ChevronLeft className="h-4 w-4" aria-hidden />
                </Button>
                <Button size="icon" variant="ghost" aria-label="Next page" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                  <ChevronRight className="h-4 w-4" aria-hidden />
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </>
  )
}

/** LLM spend by player id from the metering summary; null (no cost columns) while it is missing or failing. */
function usePlayerSpend(): PlayerSpend | null {
  const metering = useMetering()
  const data = metering.data
  return useMemo(
    () =>
      data
        ? { byId: new Map(data.players.map((p) => [p.playerId, p])), currency: data.currency, complete: data.players.length < METERING_PLAYER_LIMIT }
        : null,
    [data],
  )
}

/** `/admin/players/:id`: the player, recent events and admin actions. */
export function PlayerDetailPage() {
  const { id = '' } = useParams()
  const player = usePlayer(id)
  const now = useNow(5000)
  return (
    <>
      <Link to="/admin/players" className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-400 hover:text-slate-100">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Players
      </Link>
      {player.isError && !player.data ? (
        <ErrorNotice title={player.error instanceof ApiError && player.error.status === 404 ? 'No such player' : 'The player could not be loaded'}>
          {errorMessage(player.error)}
        </ErrorNotice>
      ) : !player.data ? (
        <Spinner />
      ) : (
        <>
          <PageHeader title={player.data.name} description={player.data.online ? `Online in ${player.data.locationName ?? player.data.locationId}` : 'Offline'} />
          <PlayerDetail player={player.data} now={now} budget={<BudgetPanel playerId={player.data.id} playerName={player.data.name} />} />
        </>
      )}
    </>
  )
}
