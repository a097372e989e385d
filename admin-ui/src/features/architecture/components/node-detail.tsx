import { X } from 'lucide-react'
import { Badge, statusTone } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import type { Topology, TopologyNode } from '@/features/live'
import { DASH, formatMs, formatNumber, formatPercent, formatUptime } from '@/lib/format'

function metricValue(key: string, value: number | string | boolean | null): string {
  if (value === null || value === undefined) return DASH
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  if (/usage|rate|ratio/i.test(key) && value <= 1) return formatPercent(value)
  if (/ms$/i.test(key)) return formatMs(value)
  return Number.isInteger(value) ? formatNumber(value) : formatNumber(value, 2)
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-800/70 py-1.5 text-sm last:border-0">
      <dt className="text-slate-400">{label}</dt>
      <dd className="min-w-0 text-right break-all text-slate-100">{children}</dd>
    </div>
  )
}

/** Health, version, uptime, latency and key metrics of one node, and what it talks to. */
export function NodeDetail({ node, topology, onSelect, onClose }: { node: TopologyNode; topology: Topology; onSelect: (id: string) => void; onClose: () => void }) {
  const out = topology.edges.filter((e) => e.from === node.id).map((e) => e.to)
  const inc = topology.edges.filter((e) => e.to === node.id).map((e) => e.from)
  const metrics = Object.entries(node.metrics ?? {})
  const link = (id: string) => (
    <button key={id} type="button" onClick={() => onSelect(id)} className="rounded border border-slate-700 px-1.5 py-0.5 text-xs text-sky-300 hover:bg-slate-800">
      {id}
    </button>
  )
  return (
    <Card data-testid="arch-detail" data-node={node.id} className="p-4">
      <div className="mb-3 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-slate-50">{node.name}</h2>
          <p className="text-xs text-slate-500">
            {node.id} · {node.kind}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Badge tone={statusTone(node.status)} data-testid="arch-detail-status">
            {node.status}
          </Badge>
          <button type="button" onClick={onClose} className="text-slate-500 hover:text-slate-200" aria-label="Close details">
            <X className="h-4 w-4" aria-hidden />
          </button>
        </div>
      </div>
      {node.detail && <p className="mb-3 rounded-md bg-slate-950/60 px-3 py-2 text-sm text-slate-300">{node.detail}</p>}
      <dl>
        <Row label="Version">{node.version ?? DASH}</Row>
        <Row label="Uptime">{formatUptime(node.uptimeSeconds)}</Row>
        <Row label="Probe latency">{formatMs(node.latencyMs)}</Row>
        <Row label="URL">{node.url ?? DASH}</Row>
      </dl>
      {metrics.length > 0 && (
        <>
          <h3 className="mt-4 mb-1 text-xs font-medium tracking-wide text-slate-400 uppercase">Metrics</h3>
          <dl>
            {metrics.map(([k, v]) => (
              <Row key={k} label={k}>
                {metricValue(k, v)}
              </Row>
            ))}
          </dl>
        </>
      )}
      {(out.length > 0 || inc.length > 0) && (
        <div className="mt-4 space-y-2 text-xs text-slate-400">
          {inc.length > 0 && <div className="flex flex-wrap items-center gap-1.5">Called by {inc.map(link)}</div>}
          {out.length > 0 && <div className="flex flex-wrap items-center gap-1.5">Depends on {out.map(link)}</div>}
        </div>
      )}
    </Card>
  )
}
