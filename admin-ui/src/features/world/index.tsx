import { useState } from 'react'
import { errorMessage } from '@/api/errors'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ErrorNotice, PageHeader, Spinner } from '@/components/ui/feedback'
import { Input, Label, Select } from '@/components/ui/input'
import { useToast } from '@/components/ui/toast'
import { useEndEvent, useSetPaused, useStartEvent, useWorld } from './api'
import type { WorldState } from './schema'

const ACTIONS: Record<string, string> = { pause: 'paused the world', resume: 'resumed the world', event: 'started', end: 'ended' }

function when(ts: string | null): string {
  if (!ts) return '—'
  const date = new Date(ts)
  return Number.isNaN(date.getTime()) ? ts : date.toLocaleString()
}

/** Pause and resume: actions that change the world are refused while paused; looking and chat go on. */
function PauseCard({ world }: { world: WorldState }) {
  const setPaused = useSetPaused()
  const toast = useToast()
  const [reason, setReason] = useState('')
  const toggle = () =>
    setPaused.mutate(
      { paused: !world.paused, reason: reason.trim() || undefined },
      {
        onSuccess: (s) => {
          toast.success(s.paused ? 'The world is paused.' : 'The world runs again.')
          setReason('')
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    )
  return (
    <Card className="p-4">
      <div className="mb-2 flex items-center gap-2 text-sm font-medium text-slate-200">
        Pause
        <Badge tone={world.paused ? 'warn' : 'good'} data-testid="world-paused">
          {world.paused ? 'paused' : 'running'}
        </Badge>
      </div>
      {world.paused && (
        <p className="mb-2 text-xs text-slate-400" data-testid="world-paused-by">
          Paused by {world.pausedBy ?? 'an admin'} at {when(world.pausedAt)}.
        </p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <Label htmlFor="world-reason">Reason (for the audit)</Label>
          <Input id="world-reason" data-testid="world-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <Button data-testid="world-pause" variant={world.paused ? 'primary' : 'danger'} disabled={setPaused.isPending} onClick={toggle}>
          {world.paused ? 'Resume the world' : 'Pause the world'}
        </Button>
      </div>
    </Card>
  )
}

/** Start one of the pack's events (told to every player online), or end the one under way. */
function EventCard({ world }: { world: WorldState }) {
  const start = useStartEvent()
  const end = useEndEvent()
  const toast = useToast()
  const [kind, setKind] = useState('')
  const [minutes, setMinutes] = useState('')
  const chosen = world.kinds.find((k) => k.id === (kind || world.kinds[0]?.id))
  const begin = () => {
    if (!chosen) return
    const durationSeconds = minutes.trim() ? Math.round(Number(minutes) * 60) : undefined
    start.mutate(
      { kind: chosen.id, durationSeconds },
      { onSuccess: () => toast.success(`${chosen.name} started.`), onError: (e) => toast.error(errorMessage(e)) },
    )
  }
  const stop = () =>
    end.mutate(undefined, { onSuccess: () => toast.success('The event is over.'), onError: (e) => toast.error(errorMessage(e)) })
  return (
    <Card className="p-4">
      <div className="mb-2 text-sm font-medium text-slate-200">World event</div>
      {world.event ? (
        <div className="mb-3 flex flex-wrap items-center gap-2" data-testid="world-event">
          <Badge tone="info">{world.event.name || world.event.kind}</Badge>
          <span className="text-xs text-slate-400">
            until {when(world.event.endsAt)}
            {world.event.by ? `, started by ${world.event.by}` : ''}
          </span>
          {world.event.ambience && <span className="w-full text-sm text-slate-300">{world.event.ambience}</span>}
          <Button size="sm" variant="ghost" data-testid="world-end-event" disabled={end.isPending} onClick={stop}>
            End it now
          </Button>
        </div>
      ) : (
        <p className="mb-3 text-xs text-slate-400" data-testid="world-no-event">
          No event under way.
        </p>
      )}
      {world.kinds.length === 0 ? (
        <p className="text-xs text-slate-400">The world pack defines no events.</p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-40">
            <Label htmlFor="world-kind">Event</Label>
            <Select id="world-kind" data-testid="world-kind" value={chosen?.id ?? ''} onChange={(e) => setKind(e.target.value)}>
              {world.kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name || k.id}
                </option>
              ))}
            </Select>
          </div>
          <div className="w-36">
            <Label htmlFor="world-minutes">Minutes (optional)</Label>
            <Input id="world-minutes" data-testid="world-minutes" type="number" min={1} max={1440} placeholder={chosen ? String(Math.round(chosen.durationSeconds / 60)) : ''} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <Button data-testid="world-start-event" disabled={!chosen || start.isPending} onClick={begin}>
            Start
          </Button>
          {chosen && (
            <p className="w-full text-xs text-slate-400" data-testid="world-kind-announcement">
              Players are told: “{chosen.announcement}”{chosen.blocks.length > 0 ? ` Closes ${chosen.blocks.join(', ')}.` : ''}
            </p>
          )}
        </div>
      )}
    </Card>
  )
}

/** `/admin/world`: the game clock, the pause, world events, and the admins' world actions. */
export function WorldPage() {
  const world = useWorld()
  return (
    <>
      <PageHeader
        title="World"
        description={
          world.data ? (
            <span data-testid="world-clock">
              Day {world.data.day}, {world.data.time} ({world.data.night ? 'night' : 'day'})
            </span>
          ) : undefined
        }
      />
      {world.isError && !world.data ? (
        <ErrorNotice title="The world could not be loaded">{errorMessage(world.error)}</ErrorNotice>
      ) : !world.data ? (
        <Spinner className="p-4" />
      ) : (
        <div className="grid gap-4">
          <PauseCard world={world.data} />
          <EventCard world={world.data} />
          <Card className="p-4">
            <div className="mb-2 text-sm font-medium text-slate-200">Recent world actions</div>
            {world.data.audit.length === 0 ? (
              <p className="text-xs text-slate-400">None yet.</p>
            ) : (
              <ul className="space-y-1 text-sm text-slate-300" data-testid="world-audit">
                {world.data.audit.map((a, i) => (
                  <li key={`${a.ts}-${i}`}>
                    <span className="text-slate-500">{when(a.ts)}</span> {a.by ?? '?'} {ACTIONS[a.action] ?? a.action}
                    {a.detail ? ` ${a.action === 'pause' || a.action === 'resume' ? `(${a.detail})` : a.detail}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </>
  )
}
