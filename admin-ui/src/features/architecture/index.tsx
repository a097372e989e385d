import { MousePointerClick } from 'lucide-react'
import { useState } from 'react'
import { Badge, statusTone } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { PageHeader, Spinner } from '@/components/ui/feedback'
import { LiveIndicator, useAdminStream } from '@/features/live'
import { useNow } from '@/hooks/use-now'
import { relativeTime } from '@/lib/format'
import { NodeDetail } from './components/node-detail'
import { TopologyDiagram } from './components/topology-diagram'

/** Live topology (a `topology` event every 2 s): a failing part turns red within seconds. */
export function ArchitecturePage() {
  const { status, topology, topologyAt } = useAdminStream()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const now = useNow(1000)
  const selected = topology?.nodes.find((n) => n.id === selectedId) ?? null
  const down = topology?.nodes.filter((n) => n.status === 'DOWN') ?? []
  const stale = topologyAt !== null && now - topologyAt > 8000

  return (
    <>
      <PageHeader
        title="Architecture"
        description={topology ? `Live health of every part · updated ${relativeTime(topologyAt, now)}` : 'Live health of every part'}
        actions={
          <>
            {topology && (
              <Badge tone={statusTone(topology.status)} data-testid="arch-status">
                system {topology.status}
              </Badge>
            )}
            <LiveIndicator status={status} />
          </>
        }
      />
      {!topology ? (
        <Spinner label="Waiting for the live stream…" />
      ) : (
        <div className="grid gap-4 2xl:grid-cols-[minmax(0,1fr)_22rem]">
          <Card className="p-3">
            {stale && <p className="mb-2 text-xs text-amber-300">No update for a while: the figures may be stale.</p>}
            {down.length > 0 && (
              <p className="mb-2 text-sm text-rose-300">
                Down: {down.map((n) => n.name).join(', ')}
              </p>
            )}
            <TopologyDiagram topology={topology} selectedId={selectedId} onSelect={setSelectedId} />
            <Legend />
          </Card>
          <div>
            {selected ? (
              <NodeDetail node={selected} topology={topology} onSelect={setSelectedId} onClose={() => setSelectedId(null)} />
            ) : (
              <Card className="flex items-center gap-3 p-4 text-sm text-slate-400">
                <MousePointerClick className="h-5 w-5 shrink-0 text-sky-400" aria-hidden />
                Select a part of the system to see its health, version, uptime and metrics.
              </Card>
            )}
          </div>
        </div>
      )}
    </>
  )
}

function Legend() {
  const items = [
    ['UP', 'bg-emerald-500'],
    ['DEGRADED', 'bg-amber-500'],
    ['DOWN', 'bg-rose-500'],
  ] as const
  return (
    <div className="mt-2 flex flex-wrap gap-4 px-1 text-xs text-slate-400">
      {items.map(([label, color]) => (
        <span key={label} className="flex items-center gap-1.5">
          <span className={`h-2.5 w-2.5 rounded-full ${color}`} aria-hidden />
          {label}
        </span>
      ))}
    </div>
  )
}
