import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { formatTime } from '@/lib/format'
import type { ChartRow } from '../transform'

export interface SeriesDef {
  key: string
  label: string
  color: string
}

export const PALETTE = ['#38bdf8', '#a78bfa', '#34d399', '#fbbf24', '#f472b6', '#f87171', '#22d3ee', '#c084fc']

const hhmm = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })

/** A line chart over the history's time axis; a null step leaves a gap. */
export function TimeChart({ title, rows, series, unit, testId }: { title: string; rows: ChartRow[]; series: SeriesDef[]; unit?: string; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} actions={unit ? <span className="text-xs text-slate-500">{unit}</span> : undefined} />
      <CardContent className="h-60 px-1 pt-3 pb-1">
        {series.length === 0 ? (
          <p className="pt-16 text-center text-sm text-slate-500">No data for this chart.</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 480, height: 220 }}>
            <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: -8 }}>
              <CartesianGrid stroke="#1e293b" strokeDasharray="3 3" />
              <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={hhmm} stroke="#64748b" fontSize={11} minTickGap={28} />
              <YAxis stroke="#64748b" fontSize={11} width={48} allowDecimals />
              <Tooltip
                contentStyle={{ background: '#0f172a', border: '1px solid #334155', borderRadius: 8, fontSize: 12 }}
                labelStyle={{ color: '#cbd5e1' }}
                labelFormatter={(v) => formatTime(Number(v))}
                formatter={(v) => (typeof v === 'number' ? `${Number(v.toFixed(2))}${unit ? ` ${unit}` : ''}` : '—')}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {series.map((s) => (
                <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={1.8} dot={false} isAnimationActive={false} connectNulls={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </CardContent>
    </Card>
  )
}
