import { Badge } from '@/components/ui/badge'
import { Empty } from '@/components/ui/feedback'
import { Sparkline } from '@/components/ui/sparkline'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { Stats } from '@/features/live'
import { formatNumber, formatPercent, formatRate } from '@/lib/format'
import { backendSeries } from '../series'

/** LLM replicas: queue depth, batch, throughput and KV-cache per backend, with a tokens/s trend. */
export function BackendsTable({ stats, history }: { stats: Stats; history: Stats[] }) {
  if (stats.backends.length === 0) return <Empty>No LLM backend configured: the rules narrate.</Empty>
  return (
    <Table>
      <thead>
        <tr>
          <Th>Backend</Th>
          <Th>Role</Th>
          <Th>Health</Th>
          <Th className="text-right">Queue</Th>
          <Th className="text-right">Running</Th>
          <Th className="text-right">Tokens/s</Th>
          <Th className="text-right">KV cache</Th>
          <Th className="w-32">Trend</Th>
        </tr>
      </thead>
      <tbody>
        {stats.backends.map((b) => (
          <Tr key={b.name} data-testid={`backend-row-${b.name}`}>
            <Td className="font-medium text-slate-100">{b.name}</Td>
            <Td className="text-slate-400">{b.role}</Td>
            <Td>
              <Badge tone={b.healthy ? 'good' : 'bad'}>{b.healthy ? 'healthy' : 'down'}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(b.waiting)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(b.running)}</Td>
            <Td className="text-right tabular-nums">{formatRate(b.tokensPerSecond)}</Td>
            <Td className="text-right tabular-nums">{formatPercent(b.kvCacheUsage)}</Td>
            <Td>
              <Sparkline values={backendSeries(history, b.name)} className="h-6 text-violet-400" label={`${b.name} tokens per second`} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
