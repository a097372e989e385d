import { Activity, Ban, Database, Gauge, Hourglass, Inbox, Server, Shuffle, Timer, Users } from 'lucide-react'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { PageHeader, Spinner } from '@/components/ui/feedback'
import { LiveIndicator, useAdminStream } from '@/features/live'
import { CostCard } from '@/features/metering'
import { useNow } from '@/hooks/use-now'
import { formatMs, formatNumber, formatPercent, formatRate, relativeTime } from '@/lib/format'
import { AdmissionCard } from './components/admission-card'
import { BackendsTable } from './components/backends-table'
import { StatCard } from './components/stat-card'
import { series } from './series'

/**
 * Live figures from the admin stream (one `stats` event a second); the LLM cost card below them polls
 * `GET /api/admin/metering` on its own, so an orchestrator without metering leaves the rest working. The world
 * model admission card reads the same events (each world backend's optional `admission`).
 */
export function DashboardPage() {
  const { status, stats, history } = useAdminStream()
  const now = useNow(1000)

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={stats ? `Cluster figures over the last minute · updated ${relativeTime(stats.at, now)}` : 'Cluster figures over the last minute'}
        actions={<LiveIndicator status={status} testId="live-indicator" />}
      />
      {!stats ? (
        <Spinner label={status === 'forbidden' ? 'This account may not read the admin stream.' : 'Waiting for the live stream…'} />
      ) : (
        <div className="space-y-6">
          <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
            <StatCard
              testId="stat-players-online"
              label="Players online"
              icon={Users}
              value={formatNumber(stats.playersOnline)}
              sub={stats.playersTotal !== null ? `of ${formatNumber(stats.playersTotal)} registered` : undefined}
              trend={series(history, (s) => s.playersOnline)}
            />
            <StatCard
              testId="stat-actions-per-second"
              label="Actions / s"
              icon={Activity}
              value={formatRate(stats.actions.perSecond)}
              sub={`${formatNumber(stats.actions.lastMinute)} in the last minute`}
              trend={series(history, (s) => s.actions.perSecond)}
              accent="text-emerald-400"
            />
            <StatCard
              testId="stat-p95"
              label="Action latency p95"
              icon={Timer}
              value={formatMs(stats.actions.p95Ms)}
              sub={`p50 ${formatMs(stats.actions.p50Ms)} · p99 ${formatMs(stats.actions.p99Ms)}`}
              trend={series(history, (s) => s.actions.p95Ms)}
              accent="text-amber-400"
            />
            <StatCard
              testId="stat-ttft"
              label="Time to first token"
              icon={Hourglass}
              value={formatMs(stats.ttft.p50Ms)}
              sub={`p95 ${formatMs(stats.ttft.p95Ms)} · ${formatNumber(stats.ttft.samples)} samples`}
              trend={series(history, (s) => s.ttft.p50Ms)}
              accent="text-violet-400"
            />
            <StatCard
              testId="stat-cache-hit-rate"
              label="Cache hit rate"
              icon={Database}
              value={formatPercent(stats.cache.hitRate)}
              sub={`${formatNumber(stats.cache.hits)} hits · ${formatNumber(stats.cache.misses)} misses`}
              trend={series(history, (s) => s.cache.hitRate)}
              accent="text-cyan-400"
            />
            <StatCard
              testId="stat-fallback-rate"
              label="Fallback rate"
              icon={Shuffle}
              value={formatPercent(stats.fallbacks.rate)}
              sub={`${formatNumber(stats.fallbacks.lastMinute)} narrations by the rules instead of the LLM`}
              trend={series(history, (s) => s.fallbacks.rate)}
              accent="text-orange-400"
              alert={(stats.fallbacks.rate ?? 0) > 0.5}
            />
            <StatCard
              testId="stat-rate-limited"
              label="Rate-limited"
              icon={Ban}
              value={formatNumber(stats.rateLimited.lastMinute)}
              sub={`${formatRate(stats.rateLimited.perSecond)} / s refused`}
              trend={series(history, (s) => s.rateLimited.perSecond)}
              accent="text-rose-400"
            />
            <StatCard
              testId="stat-memory-queue"
              label="Memory write queue"
              icon={Inbox}
              value={formatNumber(stats.memoryQueue?.depth)}
              sub="writes waiting for memory-service"
              trend={series(history, (s) => s.memoryQueue?.depth)}
              accent="text-slate-300"
            />
          </div>
          <Card>
            <CardHeader title="LLM backends" icon={<Server className="h-4 w-4 text-violet-400" aria-hidden />} actions={<Gauge className="h-4 w-4 text-slate-500" aria-hidden />} />
            <CardContent className="p-0 sm:p-2">
              <BackendsTable stats={stats} history={history} />
            </CardContent>
          </Card>
          <AdmissionCard stats={stats} />
        </div>
      )}
      <div className="mt-6">
        <CostCard />
      </div>
    </>
  )
}
