import { Ban, HeartPulse, MapPin, ShieldOff, UserX } from 'lucide-react'
import { useState } from 'react'
import { errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Label, Select } from '@/components/ui/input'
import { useToast } from '@/components/ui/toast'
import { formatDateTime } from '@/lib/format'
import { useMoveTargets, usePlayerAction } from '../api'
import { bannedUntil, type AdminPlayerDetail } from '../schema'
import { BanDialog } from './ban-dialog'

type Pending = { kind: 'kick' } | { kind: 'move'; locationId: string; name: string } | { kind: 'reset-hp' } | { kind: 'unban' } | null

const CONFIRM = {
  kick: { title: (n: string) => `Kick ${n}?`, label: 'Kick' },
  'reset-hp': { title: (n: string) => `Reset ${n}'s HP?`, label: 'Reset HP' },
  move: { title: (n: string) => `Move ${n}?`, label: 'Move' },
  unban: { title: (n: string) => `Unban ${n}?`, label: 'Unban' },
} as const

/** Kick, move to a location, reset HP, ban (with a length and a reason) or unban: each asks first and reports with a toast. */
export function PlayerActions({ player, now }: { player: AdminPlayerDetail; now: number }) {
  const toast = useToast()
  const action = usePlayerAction(player.id)
  const { targets, loading } = useMoveTargets(player)
  const [target, setTarget] = useState('')
  const [pending, setPending] = useState<Pending>(null)
  const [banning, setBanning] = useState(false)
  const [banError, setBanError] = useState<string | null>(null)
  const banned = bannedUntil(player, now)

  const ban = (minutes: number, reason: string) => {
    setBanError(null)
    action.mutate(
      { kind: 'ban', minutes, reason },
      {
        onSuccess: (data) => {
          const until = data && 'bannedUntil' in data ? data.bannedUntil : null
          toast.success(`${player.name} is banned${until !== null ? ` until ${formatDateTime(until)}` : ''}.`)
          setBanning(false)
        },
        onError: (e) => setBanError(errorMessage(e)),
      },
    )
  }

  const run = () => {
    if (!pending) return
    const done = (text: string) => {
      toast.success(text)
      setPending(null)
    }
    const failed = (e: unknown) => {
      toast.error(errorMessage(e))
      setPending(null)
    }
    if (pending.kind === 'unban') action.mutate({ kind: 'unban' }, { onSuccess: () => done(`${player.name} is no longer banned.`), onError: failed })
    else if (pending.kind === 'kick') action.mutate({ kind: 'kick' }, { onSuccess: () => done(`${player.name} was kicked.`), onError: failed })
    else if (pending.kind === 'reset-hp') action.mutate({ kind: 'reset-hp' }, { onSuccess: () => done(`${player.name}'s HP were reset.`), onError: failed })
    else action.mutate({ kind: 'move', locationId: pending.locationId }, { onSuccess: () => done(`${player.name} was moved to ${pending.name}.`), onError: failed })
  }

  const chosen = targets.find((t) => t.id === target)
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Button data-testid="player-kick" variant="danger" onClick={() => setPending({ kind: 'kick' })}>
          <UserX className="h-4 w-4" aria-hidden /> Kick
        </Button>
        <Button data-testid="player-reset-hp" onClick={() => setPending({ kind: 'reset-hp' })}>
          <HeartPulse className="h-4 w-4" aria-hidden /> Reset HP
        </Button>
        {banned === null ? (
          <Button
            data-testid="player-ban"
            variant="danger"
            onClick={() => {
              setBanError(null)
              setBanning(true)
            }}
          >
            <Ban className="h-4 w-4" aria-hidden /> Ban
          </Button>
        ) : (
          <Button data-testid="player-unban" onClick={() => setPending({ kind: 'unban' })}>
            <ShieldOff className="h-4 w-4" aria-hidden /> Unban
          </Button>
        )}
      </div>
      <div>
        <Label htmlFor="player-move-select">Move to a location</Label>
        <div className="flex gap-2">
          <Select id="player-move-select" data-testid="player-move-select" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{loading ? 'Loading locations…' : 'Choose a location'}</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id} disabled={t.id === player.locationId}>
                {t.name}
                {t.id === player.locationId ? ' (here)' : ''}
              </option>
            ))}
          </Select>
          <Button
            data-testid="player-move-submit"
            variant="primary"
            disabled={!chosen || chosen.id === player.locationId}
            onClick={() => chosen && setPending({ kind: 'move', locationId: chosen.id, name: chosen.name })}
          >
            <MapPin className="h-4 w-4" aria-hidden /> Move
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={pending !== null}
        busy={action.isPending}
        danger={pending?.kind === 'kick'}
        title={pending ? CONFIRM[pending.kind].title(player.name) : ''}
        confirmLabel={pending ? CONFIRM[pending.kind].label : undefined}
        onCancel={() => setPending(null)}
        onConfirm={run}
      >
        {pending?.kind === 'kick' && 'Their open game sockets are closed; they can connect again.'}
        {pending?.kind === 'reset-hp' && `HP go back to ${player.maxHp}.`}
        {pending?.kind === 'move' && `They are carried to ${pending.name}; both rooms see it.`}
        {pending?.kind === 'unban' && banned !== null && `Their ban until ${formatDateTime(banned)} ends now; they can log in again.`}
      </ConfirmDialog>
      <BanDialog open={banning} playerName={player.name} busy={action.isPending} error={banError} onBan={ban} onClose={() => setBanning(false)} />
    </div>
  )
}
