import { afterEach, describe, expect, it, vi } from 'vitest'
import { setUnauthorizedHandler } from '@/api/client'
import { getSession } from '@/api/session'
import { stats, topology } from '@/test/fixtures'
import { json, signIn, sseResponse, stubFetch } from '@/test/utils'
import { runAdminStream, type StreamHandlers } from './api'
import type { StreamStatus } from './schema'

function recorder() {
  const statuses: StreamStatus[] = []
  const handlers: StreamHandlers & { stats: unknown[]; topologies: unknown[] } = {
    stats: [],
    topologies: [],
    onStats: (s) => handlers.stats.push(s),
    onTopology: (t) => handlers.topologies.push(t),
    onStatus: (s) => statuses.push(s),
  }
  return { handlers, statuses }
}

const fast = { baseDelayMs: 1, maxDelayMs: 5, staleMs: 5000 }

describe('runAdminStream', () => {
  const controller = new AbortController()
  afterEach(() => controller.abort())

  it('reads stats and topology events split across chunks, with the token in a header', async () => {
    signIn('admin')
    const s = JSON.stringify(stats())
    const t = JSON.stringify(topology(['redis']))
    const body = `: ping\n\nevent: stats\ndata: ${s}\n\nevent: topology\ndata: ${t}\n\n`
    const fetch = stubFetch((call) => (call.url === '/api/admin/stream' ? sseResponse([body.slice(0, 17), body.slice(17, 60), body.slice(60)], controller.signal) : undefined))
    const { handlers, statuses } = recorder()
    const done = runAdminStream(handlers, controller.signal, fast)
    await vi.waitFor(() => expect(handlers.topologies).toHaveLength(1))
    expect(handlers.stats).toEqual([stats()])
    expect(handlers.topologies[0]).toMatchObject({ status: 'DEGRADED' })
    expect(statuses).toEqual(['connecting', 'live'])
    expect(fetch.requests[0]?.headers.authorization).toBe('Bearer token-of-admin')
    expect(fetch.requests[0]?.headers.accept).toBe('text/event-stream')
    expect(fetch.requests[0]?.url).not.toContain('token')
    controller.abort()
    await done
    expect(statuses.at(-1)).toBe('closed')
  })

  it('drops malformed events and keeps reading', async () => {
    signIn('admin')
    const ctl = new AbortController()
    stubFetch(() => sseResponse([`event: stats\ndata: {not json\n\nevent: stats\ndata: {"x":1}\n\nevent: stats\ndata: ${JSON.stringify(stats())}\n\n`], ctl.signal))
    const { handlers } = recorder()
    const done = runAdminStream(handlers, ctl.signal, fast)
    await vi.waitFor(() => expect(handlers.stats).toHaveLength(1))
    ctl.abort()
    await done
  })

  it('reconnects with backoff when the stream ends or fails', async () => {
    signIn('admin')
    const ctl = new AbortController()
    let n = 0
    stubFetch(() => {
      n++
      if (n === 1) return sseResponse([`event: stats\ndata: ${JSON.stringify(stats({ playersOnline: 1 }))}\n\n`], ctl.signal, true)
      if (n === 2) return json({ code: 'unavailable', message: 'orchestrator down' }, 502)
      return sseResponse([`event: stats\ndata: ${JSON.stringify(stats({ playersOnline: 2 }))}\n\n`], ctl.signal)
    })
    const { handlers, statuses } = recorder()
    const done = runAdminStream(handlers, ctl.signal, fast)
    await vi.waitFor(() => expect(handlers.stats).toHaveLength(2))
    expect(handlers.stats.map((s) => (s as { playersOnline: number }).playersOnline)).toEqual([1, 2])
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting', 'reconnecting', 'live'])
    ctl.abort()
    await done
  })

  it('reconnects when the connection goes silent', async () => {
    signIn('admin')
    const ctl = new AbortController()
    let n = 0
    stubFetch(() => {
      n++
      // the first connection never sends a byte, and its body ignores aborts: only the watchdog ends it
      return n === 1 ? sseResponse([], null) : sseResponse([`event: stats\ndata: ${JSON.stringify(stats())}\n\n`], ctl.signal)
    })
    const { handlers } = recorder()
    const done = runAdminStream(handlers, ctl.signal, { ...fast, staleMs: 30 })
    await vi.waitFor(() => expect(handlers.stats).toHaveLength(1))
    expect(n).toBe(2)
    ctl.abort()
    await done
  })

  it('ends the session on a 401', async () => {
    signIn('admin')
    const onUnauthorized = vi.fn()
    const uninstall = setUnauthorizedHandler(onUnauthorized)
    stubFetch(() => json({ code: 'unauthorized', message: 'expired' }, 401))
    const { handlers, statuses } = recorder()
    await runAdminStream(handlers, new AbortController().signal, fast)
    expect(statuses.at(-1)).toBe('closed')
    expect(getSession()).toBeNull()
    expect(onUnauthorized).toHaveBeenCalled()
    uninstall()
  })

  it('stops for good on a 403 (not an admin)', async () => {
    signIn('player')
    const fetch = stubFetch(() => json({ code: 'forbidden', message: 'admins only' }, 403))
    const { handlers, statuses } = recorder()
    await runAdminStream(handlers, new AbortController().signal, fast)
    expect(statuses).toEqual(['connecting', 'forbidden'])
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})
