import { AlertTriangle, ListOrdered } from 'lucide-react'
import type { ReactNode } from 'react'
import { Badge, type Tone } from '@/components/ui/badge'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { Empty } from '@/components/ui/feedback'
import type { Admission, BackendStat, ClusterLimit, Stats } from '@/features/live'
import { formatNumber } from '@/lib/format'
import { cn } from '@/lib/utils'

type AdmittingBackend = BackendStat & { admission: Admission }

/** Sum of the figures that are known; null when none is. */
function sum(...values: Array<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0)
}

/** All degradations of one priority; null when that priority's counts were not sent. */
const total = (counts: Record<string, number> | null): number | null => (counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null)

const REASON_ORDER = ['busy', 'timeout', 'error', 'circuit_open']
const reasonLabel = (reason: string) => reason.replace(/_/g, ' ')

/** Degradations of both priorities summed per reason, the known reasons first. */
function byReason(a: Admission): Array<[string, number]> {
  const high = a.degradedHigh ?? {}
  const normal = a.degradedNormal ?? {}
  const reasons = new Set([...Object.keys(high), ...Object.keys(normal)])
  const ordered = [...REASON_ORDER.filter((r) => reasons.has(r)), ...[...reasons].filter((r) => !REASON_ORDER.includes(r)).sort()]
  return ordered.map((r) => [r, (high[r] ?? 0) + (normal[r] ?? 0)])
}

const CLUSTER: Record<ClusterLimit | 'unknown', { tone: Tone; badge: string; scope: string }> = {
  redis: { tone: 'good', badge: 'cluster limit: Redis', scope: 'the whole backend, shared across replicas' },
  local: { tone: 'warn', badge: 'local limit: Redis unreachable', scope: "this replica's own limit (Redis unreachable)" },
  off: { tone: 'neutral', badge: 'cluster limit off', scope: "this replica's limit (no cluster limit)" },
  unknown: { tone: 'neutral', badge: 'cluster limit unknown', scope: 'limit' },
}

/**
 * The Dashboard's "World model admission" card, from the live `stats` events: for each world backend whose
 * world-llm reports admission by value, the stream slots in use, the queue by priority, admissions and
 * degradations (the rules' text instead of the model) by priority and reason, and the cluster limit's state.
 * Hidden when no backend is configured (rules only); a quiet note when a world backend sends no admission figures.
 */
export function AdmissionCard({ stats }: { stats: Stats }) {
  const admitting = stats.backends.filter((b): b is AdmittingBackend => b.admission != null)
  if (admitting.length === 0 && !stats.backends.some((b) => b.role === 'world')) return null
  return (
    <Card data-testid="admission-card">
      <CardHeader
        title="World model admission"
        icon={<ListOrdered className="h-4 w-4 text-sky-400" aria-hidden />}
        actions={admitting.length > 0 && <span className="text-xs text-slate-500">counts since each world-llm replica started</span>}
      />
      <CardContent>
        {admitting.length === 0 ? (
          <div data-testid="admission-none">
            <Empty>No admission figures: this world-llm reports no admission by value.</Empty>
          </div>
        ) : (
          <div className="space-y-5 divide-y divide-slate-800">
            {admitting.map((b) => (
              <BackendAdmission key={b.name} backend={b} />
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  )
}

function Figure({ testId, label, value, alert = false, children }: { testId: string; label: string; value: ReactNode; alert?: boolean; children?: ReactNode }) {
  return (
    <div data-testid={testId} className="min-w-0">
      <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">{label}</p>
      <p className={cn('mt-1 text-2xl font-semibold tabular-nums', alert ? 'text-amber-300' : 'text-slate-50')}>{value}</p>
      <div className="space-y-0.5 text-xs text-slate-400">{children}</div>
    </div>
  )
}

function BackendAdmission({ backend }: { backend: AdmittingBackend }) {
  const { name, admission: a } = backend
  const cluster = CLUSTER[a.clusterLimit ?? 'unknown']
  const slotShare = a.running !== null && a.maxConcurrent !== null && a.maxConcurrent > 0 ? Math.min(1, Math.max(0, a.running / a.maxConcurrent)) : null
  const queued = sum(a.queuedHigh, a.queuedNormal)
  const normalFull = a.queuedNormal !== null && a.maxQueuedNormal !== null && a.queuedNormal >= a.maxQueuedNormal
  const degradedHigh = total(a.degradedHigh)
  const degradedNormal = total(a.degradedNormal)
  const reasons = byReason(a)
  const fallbacks = a.clusterFallbacks ?? 0

  return (
    <section data-testid={`admission-${name}`} className="space-y-3 pt-5 first:pt-0">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium text-slate-100">{name}</h3>
        <Badge tone={cluster.tone} data-testid={`admission-cluster-${name}`} data-state={a.clusterLimit ?? 'unknown'}>
          {cluster.badge}
        </Badge>
        <span data-testid={`admission-cluster-fallbacks-${name}`} className={cn('text-xs', fallbacks > 0 ? 'text-amber-300' : 'text-slate-500')}>
          {formatNumber(a.clusterFallbacks)} cluster fallback{a.clusterFallbacks === 1 ? '' : 's'}
        </span>
      </div>
      {a.clusterLimit === 'local' && (
        <p role="alert" data-testid={`admission-local-warning-${name}`} className="flex items-start gap-2 rounded-lg border border-amber-800/60 bg-amber-950/30 p-2 text-xs text-amber-200">
          <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
          Redis is unreachable: this replica admits under its own limit of {formatNumber(a.maxConcurrent)} streams, not the backend-wide one, so
          the replicas together may send the model more than it should take.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Figure testId={`admission-slots-${name}`} label="Slots in use" value={`${formatNumber(a.running)} of ${formatNumber(a.maxConcurrent)}`} alert={slotShare === 1}>
          {slotShare !== null && (
            <div
              className="my-1 h-1.5 w-full overflow-hidden rounded-full bg-slate-800"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={a.maxConcurrent ?? 0}
              aria-valuenow={a.running ?? 0}
              aria-label={`${name} stream slots in use`}
            >
              <div className={cn('h-full rounded-full', slotShare >= 1 ? 'bg-amber-400' : 'bg-sky-500')} style={{ width: `${slotShare * 100}%` }} />
            </div>
          )}
          <p>{cluster.scope}</p>
        </Figure>
        <Figure testId={`admission-queue-${name}`} label="Queue depth" value={formatNumber(queued)} alert={normalFull}>
          <p>
            high <span className="text-slate-200 tabular-nums">{formatNumber(a.queuedHigh)}</span> · normal{' '}
            <span className="text-slate-200 tabular-nums">{formatNumber(a.queuedNormal)}</span> of {formatNumber(a.maxQueuedNormal)} cap
          </p>
          <p>at most {formatNumber(a.maxQueued)} waiting</p>
          {normalFull && <p className="text-amber-300">normal narrations get the rules' text now</p>}
        </Figure>
        <Figure testId={`admission-admitted-${name}`} label="Admissions" value={formatNumber(sum(a.admittedHigh, a.admittedNormal))}>
          <p>
            high <span className="text-slate-200 tabular-nums">{formatNumber(a.admittedHigh)}</span> · normal{' '}
            <span className="text-slate-200 tabular-nums">{formatNumber(a.admittedNormal)}</span>
          </p>
          <p>narrations that got the model</p>
        </Figure>
        <Figure testId={`admission-degraded-${name}`} label="Degradations" value={formatNumber(sum(degradedHigh, degradedNormal))}>
          <p>
            high <span className="text-slate-200 tabular-nums">{formatNumber(degradedHigh)}</span> · normal{' '}
            <span className="text-slate-200 tabular-nums">{formatNumber(degradedNormal)}</span>
          </p>
          {reasons.length > 0 ? (
            <p data-testid={`admission-degraded-reasons-${name}`}>
              {reasons.map(([reason, n], i) => (
                <span key={reason}>
                  {i > 0 && ' · '}
                  {reasonLabel(reason)} <span className="text-slate-200 tabular-nums">{formatNumber(n)}</span>
                </span>
              ))}
            </p>
          ) : (
            <p>the rules' text instead of the model</p>
          )}
        </Figure>
      </div>
    </section>
  )
}
