import { HeartPulse, MapPin, UserX } from 'lucide-react'
import { useState } from 'react'
import { errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Label, Select } from '@/components/ui/input'
import { useToast } from '@/components/ui/toast'
import { useMoveTargets, usePlayerAction } from '../api'
import type { AdminPlayerDetail } from '../schema'

type Pending = { kind: 'kick' } | { kind: 'move'; locationId: string; name: string } | { kind: 'reset-hp' } | null

/** Kick, move to a location, reset HP: each asks for confirmation and reports with a toast. */
export function PlayerActions({ player }: { player: AdminPlayerDetail }) {
  const toast = useToast()
  const action = usePlayerAction(player.id)
  const { targets, loading } = useMoveTargets(player)
  const [target, setTarget] = useState('')
  const [pending, setPending] = useState<Pending>(null)

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
    if (pending.kind === 'kick') action.mutate({ kind: 'kick' }, { onSuccess: () => done(`${player.name} was kicked.`), onError: failed })
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
        title={pending?.kind === 'kick' ? `Kick ${player.name}?` : pending?.kind === 'reset-hp' ? `Reset ${player.name}'s HP?` : `Move ${player.name}?`}
        confirmLabel={pending?.kind === 'kick' ? 'Kick' : pending?.kind === 'reset-hp' ? 'Reset HP' : 'Move'}
        onCancel={() => setPending(null)}
        onConfirm={run}
      >
        {pending?.kind === 'kick' && 'Their open game sockets are closed; they can connect again.'}
        {pending?.kind === 'reset-hp' && `HP go back to ${player.maxHp}.`}
        {pending?.kind === 'move' && `They are carried to ${pending.name}; both rooms see it.`}
      </ConfirmDialog>
    </div>
  )
}
