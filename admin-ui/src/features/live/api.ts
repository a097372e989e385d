import { authHeaders, sessionExpired } from '@/api/client'
import { apiUrl } from '@/config/env'
import { backoffDelay } from '@/lib/backoff'
import { SseParser, type SseEvent } from '@/lib/sse'
import { asStats, asTopology, type Stats, type StreamStatus, type Topology } from './schema'

export const STREAM_PATH = '/api/admin/stream'

export interface StreamHandlers {
  onStats: (stats: Stats) => void
  onTopology: (topology: Topology) => void
  onStatus: (status: StreamStatus) => void
}

export interface StreamOptions {
  /** No byte for this long (stats come every second) means a dead connection: reconnect. */
  staleMs?: number
  baseDelayMs?: number
  maxDelayMs?: number
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(t)
      resolve()
    }, { once: true })
  })

function dispatch(event: SseEvent, handlers: StreamHandlers): void {
  let json: unknown
  try {
    json = JSON.parse(event.data)
  } catch {
    return
  }
  if (event.event === 'stats') {
    const stats = asStats(json)
    if (stats) handlers.onStats(stats)
  } else if (event.event === 'topology') {
    const topology = asTopology(json)
    if (topology) handlers.onTopology(topology)
  }
}

/**
 * Reads the admin stream with fetch (the token stays in a header, never in a URL) until `signal` aborts,
 * reconnecting with backoff. A 401 ends the session; a 403 (not an admin) stops for good.
 */
export async function runAdminStream(handlers: StreamHandlers, signal: AbortSignal, options: StreamOptions = {}): Promise<void> {
  const { staleMs = 10_000, baseDelayMs = 1000, maxDelayMs = 15_000 } = options
  let attempt = 0
  handlers.onStatus('connecting')
  while (!signal.aborted) {
    const connection = new AbortController()
    const abort = () => connection.abort()
    signal.addEventListener('abort', abort, { once: true })
    let watchdog: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      clearTimeout(watchdog)
      watchdog = setTimeout(() => connection.abort(), staleMs)
    }
    try {
      arm()
      const response = await fetch(apiUrl(STREAM_PATH), {
        headers: { Accept: 'text/event-stream', ...authHeaders() },
        cache: 'no-store',
        signal: connection.signal,
      })
      if (response.status === 401) {
        handlers.onStatus('closed')
        sessionExpired()
        return
      }
      if (response.status === 403) {
        handlers.onStatus('forbidden')
        return
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`)
      handlers.onStatus('live')
      attempt = 0
      const reader = response.body.getReader()
      // Whatever aborts the connection (the watchdog, the page) also ends a pending read.
      connection.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true })
      const parser = new SseParser()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        arm()
        for (const event of parser.pushBytes(value)) dispatch(event, handlers)
      }
      for (const event of parser.end()) dispatch(event, handlers)
    } catch {
      // network error, stale watchdog or abort: fall through to the reconnect
    } finally {
      clearTimeout(watchdog)
      signal.removeEventListener('abort', abort)
    }
    if (signal.aborted) break
    handlers.onStatus('reconnecting')
    await sleep(backoffDelay(attempt++, baseDelayMs, maxDelayMs), signal)
  }
  handlers.onStatus('closed')
}
