import { Compass, Lock, Package, Skull, Sparkles, UserRound, Users } from 'lucide-react'
import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import type { LocationView, PlayerView } from '../schema'

function Section({ title, icon, testId, children }: { title: string; icon: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section data-testid={testId}>
      <h3 className="mb-1.5 flex items-center gap-1.5 text-xs font-medium tracking-wide text-slate-400 uppercase">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  )
}

const none = <p className="text-sm text-slate-600">none</p>

/** The current room from the last welcome/result frame; exits are buttons that send `go <direction>`. */
export function RoomPanel({ location, player, onCommand, disabled }: { location: LocationView; player: PlayerView | null; onCommand: (text: string) => void; disabled?: boolean }) {
  const others = location.players.filter((p) => p.id !== player?.id)
  return (
    <div className="space-y-5 p-4">
      <div>
        <h2 data-testid="room-name" className="text-lg font-semibold text-slate-50">
          {location.name}
        </h2>
        <p data-testid="room-description" className="mt-1.5 text-sm leading-relaxed text-slate-300">
          {location.description}
        </p>
        {location.now && (
          <p data-testid="room-now" className="mt-1.5 text-xs text-slate-400">
            {location.now.time ? `Day ${location.now.day}, ${location.now.time} · ` : ''}
            {location.now.night ? 'night' : 'day'}
            {location.now.eventText ? ` · ${location.now.eventText}` : ''}
            {location.now.paused ? ' · the world is paused' : ''}
          </p>
        )}
      </div>
      <Section title="Exits" icon={<Compass className="h-3.5 w-3.5" aria-hidden />} testId="room-exits">
        {location.exits.length === 0 ? (
          none
        ) : (
          <div className="flex flex-wrap gap-2">
            {location.exits.map((x) => (
              <button
                key={x.direction}
                type="button"
                data-testid={`exit-${x.direction}`}
                disabled={disabled}
                onClick={() => onCommand(`go ${x.direction}`)}
                title={x.locked ? `${x.name} (locked)` : x.name}
                className="inline-flex items-center gap-1.5 rounded-md border border-slate-700 bg-slate-800 px-2.5 py-1.5 text-sm text-slate-100 hover:border-sky-600 hover:bg-slate-700 disabled:opacity-50"
              >
                {x.locked && <Lock className="h-3.5 w-3.5 text-amber-400" aria-label="locked" />}
                <span className="font-medium">{x.direction}</span>
                <span className="text-xs text-slate-400">{x.name}</span>
              </button>
            ))}
          </div>
        )}
      </Section>
      <Section title="Items" icon={<Package className="h-3.5 w-3.5" aria-hidden />} testId="room-items">
        {location.items.length === 0 ? (
          none
        ) : (
          <div className="flex flex-wrap gap-1.5">
            {location.items.map((i) => (
              <button key={i.id} type="button" disabled={disabled} onClick={() => onCommand(`take ${i.name}`)} title={`take ${i.name}`}>
                <Badge className="hover:border-sky-600">{i.name}</Badge>
              </button>
            ))}
          </div>
        )}
      </Section>
      <Section title="People" icon={<UserRound className="h-3.5 w-3.5" aria-hidden />} testId="room-npcs">
        {location.npcs.length === 0 ? (
          none
        ) : (
          <ul className="space-y-1 text-sm">
            {location.npcs.map((n) => (
              <li key={n.id}>
                <button type="button" disabled={disabled} onClick={() => onCommand(`talk ${n.name}`)} className="text-left text-slate-100 hover:text-sky-300" title={`talk to ${n.name}`}>
                  <Sparkles className="mr-1 inline h-3.5 w-3.5 text-violet-400" aria-hidden />
                  {n.name}
                  {n.title && <span className="text-slate-500">, {n.title}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {location.creatures.length > 0 && (
        <Section title="Creatures" icon={<Skull className="h-3.5 w-3.5" aria-hidden />} testId="room-creatures">
          <ul className="space-y-1 text-sm">
            {location.creatures.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2">
                <span className={c.hostile ? 'text-rose-300' : 'text-slate-200'}>{c.name}</span>
                <span className="text-xs text-slate-500 tabular-nums">
                  {c.hp}/{c.maxHp} HP{c.hostile ? ' · hostile' : ''}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Players here" icon={<Users className="h-3.5 w-3.5" aria-hidden />} testId="room-players">
        {others.length === 0 ? (
          <p className="text-sm text-slate-600">only you</p>
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {others.map((p) => (
              <li key={p.id}>
                <Badge tone="info">{p.name}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {player && (
        <Section title="Inventory" icon={<Package className="h-3.5 w-3.5" aria-hidden />} testId="player-inventory">
          {player.inventory.length === 0 ? (
            <p className="text-sm text-slate-600">empty-handed</p>
          ) : (
            <div className="flex flex-wrap gap-1.5">
              {player.inventory.map((i) => (
                <Badge key={i.id}>{i.name}</Badge>
              ))}
            </div>
          )}
        </Section>
      )}
    </div>
  )
}
