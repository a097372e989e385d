import type { Stats } from '@/features/live'

/** Pulls one figure out of each stats event, for sparklines (nulls kept: they break the line). */
export function series(history: Stats[], pick: (s: Stats) => number | null | undefined): Array<number | null> {
  return history.map((s) => {
    const v = pick(s)
    return typeof v === 'number' && Number.isFinite(v) ? v : null
  })
}

/** Tokens/s of one backend over the history (null while it was absent). */
export function backendSeries(history: Stats[], name: string, pick: 'tokensPerSecond' | 'waiting' | 'kvCacheUsage' = 'tokensPerSecond') {
  return series(history, (s) => s.backends.find((b) => b.name === name)?.[pick] ?? null)
}
