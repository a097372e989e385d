import { CircleHelp, Heart, KeyRound, LogOut, ShieldAlert, Wifi, WifiOff } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Session } from '@/api/session'
import { Button } from '@/components/ui/button'
import { ChangePasswordDialog } from '@/features/auth'
import { cn } from '@/lib/utils'
import { useGameSocket, type Connection } from '../use-game-socket'
import { CommandInput } from './command-input'
import { HelpPanel } from './help-panel'
import { NarrationLog } from './narration-log'
import { QuestLogPanel } from './quest-log'
import { PartyPanel } from './party-panel'
import { RoomPanel } from './room-panel'

function ConnectionStatus({ connection }: { connection: Connection }) {
  const connected = connection === 'connected'
  return (
    <span
      data-testid="connection-status"
      data-state={connection}
      title={connection}
      className={cn('inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs', connected ? 'border-emerald-700/60 text-emerald-300' : 'border-rose-800/60 text-rose-300')}
    >
      {connected ? <Wifi className="h-3.5 w-3.5" aria-hidden /> : <WifiOff className="h-3.5 w-3.5" aria-hidden />}
      {connected ? 'connected' : 'disconnected'}
    </span>
  )
}

/** The game screen: room on the side, narration log with the command line below it. */
export function GameView({ session, onLogout, onUnauthorized }: { session: Session; onLogout: () => void; onUnauthorized: () => void }) {
  const { state, connection, send } = useGameSocket(session, { onUnauthorized })
  const { player, location } = state
  const connected = connection === 'connected'
  const [changingPassword, setChangingPassword] = useState(false)
  // the quest log is read again after every answer to an action
  const lastResultKey = state.log.findLast((line) => line.kind === 'result')?.key
  // the party panel asks again after every answer and every party event
  const partyRevision = state.log.findLast((l) => l.kind === 'result' || (l.kind === 'event' && l.tag === 'party'))?.key ?? 0
  const [helpOpen, setHelpOpen] = useState(false)

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-800 bg-slate-950/90 px-4 py-2.5">
        <span className="font-semibold text-slate-50">{player?.name ?? session.name}</span>
        <span data-testid="player-hp" className="inline-flex items-center gap-1 text-sm text-rose-300 tabular-nums">
          <Heart className="h-4 w-4" aria-hidden />
          {player ? `${player.hp}/${player.maxHp}` : '—'}
        </span>
        <ConnectionStatus connection={connection} />
        <div className="ml-auto flex items-center gap-2">
          {session.role === 'admin' && (
            <Link to="/admin" className="text-sm text-sky-400 hover:underline">
              Admin panel
            </Link>
          )}
          <Button size="sm" variant="ghost" data-testid="help-toggle" aria-expanded={helpOpen} onClick={() => setHelpOpen((open) => !open)}>
            <CircleHelp className="h-4 w-4" aria-hidden /> Help
          </Button>
          <Button size="sm" variant="ghost" data-testid="change-password" onClick={() => setChangingPassword(true)}>
            <KeyRound className="h-4 w-4" aria-hidden /> Password
          </Button>
          <Button size="sm" variant="ghost" data-testid="logout" onClick={onLogout}>
            <LogOut className="h-4 w-4" aria-hidden /> Log out
          </Button>
        </div>
      </header>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      {connection === 'kicked' && (
        <div role="alert" data-testid="kicked-notice" className="flex items-center gap-2 border-b border-rose-900 bg-rose-950/60 px-4 py-2 text-sm text-rose-200">
          <ShieldAlert className="h-4 w-4" aria-hidden /> You were kicked by an admin. Reload the page to play again.
        </div>
      )}
      <div className="grid min-h-0 flex-1 grid-rows-[auto_minmax(0,1fr)] md:grid-cols-[minmax(0,1fr)_20rem] md:grid-rows-1">
        <aside className="order-first max-h-[40dvh] overflow-y-auto border-b border-slate-800 md:order-last md:max-h-none md:border-b-0 md:border-l">
          {location ? (
            <RoomPanel location={location} player={player} onCommand={send} disabled={!connected} />
          ) : (
            <p className="p-4 text-sm text-slate-500">Entering the world…</p>
          )}
          <QuestLogPanel playerId={session.playerId} refreshKey={lastResultKey} />
          <PartyPanel revision={partyRevision} />
        </aside>
        <section className="flex min-h-0 flex-col">
          {helpOpen && <HelpPanel onClose={() => setHelpOpen(false)} />}
          <div className="min-h-0 flex-1">
            <NarrationLog lines={state.log} />
          </div>
          <CommandInput onSend={send} disabled={!connected} />
        </section>
      </div>
    </div>
  )
}
