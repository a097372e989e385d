import { Ban } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Input, Label, Select } from '@/components/ui/input'
import { BAN_DURATIONS, MAX_BAN_REASON } from '../schema'

/**
 * How long and why: the reason is required because the player reads it when their login is refused.
 * `error` is the server's refusal, shown under the form (which stays open to fix it).
 */
export function BanDialog({
  open,
  playerName,
  busy,
  error,
  onBan,
  onClose,
}: {
  open: boolean
  playerName: string
  busy: boolean
  error: string | null
  onBan: (minutes: number, reason: string) => void
  onClose: () => void
}) {
  const [minutes, setMinutes] = useState<number>(BAN_DURATIONS[1].minutes)
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)

  const close = () => {
    setReason('')
    setInvalid(null)
    onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const text = reason.trim()
    if (!text) {
      setInvalid('Give a reason: the player sees it.')
      return
    }
    setInvalid(null)
    onBan(minutes, text)
  }
  const shown = invalid ?? error

  return (
    <Dialog open={open} title={`Ban ${playerName}?`} onClose={close} testId="ban-dialog">
      <form onSubmit={submit} className="mt-2 space-y-4" noValidate>
        <p className="text-sm text-slate-300">Their game sockets are closed and their logins and tokens refused until the ban ends.</p>
        <div>
          <Label htmlFor="ban-duration">For</Label>
          <Select id="ban-duration" data-testid="ban-duration" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {BAN_DURATIONS.map((d) => (
              <option key={d.minutes} value={d.minutes}>
                {d.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="ban-reason">Reason</Label>
          <Input
            id="ban-reason"
            data-testid="ban-reason"
            maxLength={MAX_BAN_REASON}
            placeholder="Spamming the square"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {shown && (
          <p role="alert" data-testid="ban-error" className="text-sm text-rose-300">
            {shown}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" data-testid="ban-submit" disabled={busy}>
            <Ban className="h-4 w-4" aria-hidden /> Ban
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
