import { errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ErrorNotice, PageHeader, Spinner } from '@/components/ui/feedback'
import { formatMs, formatNumber, formatTime } from '@/lib/format'
import { useState } from 'react'
import { useMetricsHistory } from './api'
import { PALETTE, TimeChart, type SeriesDef } from './components/time-chart'
import { RANGES, type RangeMinutes } from './schema'
import { latest, toChartRows, total } from './transform'

const perBackend = (backends: string[], prefix: string, what: string): SeriesDef[] =>
  backends.map((name, i) => ({ key: `${prefix}:${name}`, label: `${name} ${what}`.trim(), color: PALETTE[i % PALETTE.length] ?? '#38bdf8' }))

function Summary({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card className="px-4 py-3" data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-lg font-semibold text-slate-50 tabular-nums">{value}</p>
    </Card>
  )
}

/** `/admin/metrics`: charts over the last 15–60 min from the orchestrators' 10 s history. */
export function MetricsPage() {
  const [minutes, setMinutes] = useState<RangeMinutes>(30)
  const history = useMetricsHistory(minutes)
  const { rows, backends } = toChartRows(history.data?.points ?? [])
  const last = history.data?.points.at(-1)

  return (
    <>
      <PageHeader
        title="Metrics"
        description={last ? `${history.data?.stepSeconds ?? 10} s steps · last ${formatTime(last.at)} · refreshed every 10 s` : 'Refreshed every 10 s'}
        actions={
          <div className="flex rounded-md border border-slate-800 p-0.5" role="group" aria-label="Time range">
            {RANGES.map((m) => (
              <Button key={m} size="sm" variant={m === minutes ? 'primary' : 'ghost'} aria-pressed={m === minutes} data-testid={`metrics-range-${m}`} onClick={() => setMinutes(m)}>
                {m} min
              </Button>
            ))}
          </div>
        }
      />
      {history.isError && !history.data ? (
        <ErrorNotice title="Metrics could not be loaded">{errorMessage(history.error)}</ErrorNotice>
      ) : !history.data ? (
        <Spinner />
      ) : (
        <div className="space-y-4">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Summary testId="metrics-total-actions" label={`Actions (${minutes} min)`} value={formatNumber(total(rows, 'actions'))} />
            <Summary testId="metrics-latest-p95" label="Latest p95 latency" value={formatMs(latest(rows, 'p95'))} />
            <Summary testId="metrics-total-fallbacks" label={`Fallbacks (${minutes} min)`} value={formatNumber(total(rows, 'fallbacks'))} />
            <Summary testId="metrics-total-rate-limited" label={`Rate-limited (${minutes} min)`} value={formatNumber(total(rows, 'rateLimited'))} />
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            <TimeChart
              testId="chart-latency"
              title="Action latency"
              unit="ms"
              rows={rows}
              series={[
                { key: 'p50', label: 'p50', color: PALETTE[0]! },
                { key: 'p95', label: 'p95', color: PALETTE[3]! },
                { key: 'p99', label: 'p99', color: PALETTE[5]! },
              ]}
            />
            <TimeChart
              testId="chart-ttft"
              title="Time to first token"
              unit="ms"
              rows={rows}
              series={[
                { key: 'ttftP50', label: 'p50', color: PALETTE[1]! },
                { key: 'ttftP95', label: 'p95', color: PALETTE[4]! },
              ]}
            />
            <TimeChart testId="chart-tokens" title="Tokens per second by backend" unit="tok/s" rows={rows} series={perBackend(backends, 'tps', '')} />
            <TimeChart testId="chart-kv-cache" title="KV-cache usage by backend" unit="%" rows={rows} series={perBackend(backends, 'kv', '')} />
            <TimeChart
              testId="chart-cache"
              title="Narration cache"
              unit="per step"
              rows={rows}
              series={[
                { key: 'cacheHits', label: 'hits', color: PALETTE[2]! },
                { key: 'cacheMisses', label: 'misses', color: PALETTE[5]! },
              ]}
            />
            <TimeChart
              testId="chart-degradation"
              title="Fallbacks and rate limiting"
              unit="per step"
              rows={rows}
              series={[
                { key: 'fallbacks', label: 'fallbacks', color: PALETTE[3]! },
                { key: 'rateLimited', label: 'rate-limited', color: PALETTE[5]! },
              ]}
            />
            <TimeChart testId="chart-actions" title="Actions" unit="per step" rows={rows} series={[{ key: 'actions', label: 'actions', color: PALETTE[0]! }]} />
            <TimeChart testId="chart-queue" title="LLM queue by backend" unit="waiting" rows={rows} series={perBackend(backends, 'wait', '')} />
          </div>
        </div>
      )}
    </>
  )
}
