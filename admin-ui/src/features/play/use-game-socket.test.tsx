import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/errors'
import { getSession, setSession, type Session } from '@/api/session'
import { ada, northGate, square } from '@/test/fixtures'
import { FakeWebSocket } from '@/test/utils'
import { useGameSocket, type SocketOptions } from './use-game-socket'

const session: Session = { token: 'tok-1', playerId: 'p-ada', name: 'Ada', role: 'player' }
/** Every delay of the test's sockets is at most this (backoff jitter included). */
const DELAY = 100
const welcome = (seq: number | null, resume: 'ok' | 'expired' | null = null) => ({ type: 'welcome', player: ada, location: square, seq, resume })
const result = (actionId: string, seq: number, text = `answer to ${actionId}`) => ({ type: 'result', seq, actionId, text, source: 'rules', player: ada, location: square })
const error = (actionId: string, code: string, seq?: number) => ({ type: 'error', ...(seq === undefined ? {} : { seq }), actionId, code, message: `refused: ${code}` })
const actions = (ws: FakeWebSocket) => ws.sentFrames().filter((f) => f.type === 'action')

/** Lets the ticket fetch settle, so the socket it opens exists. */
const settle = () => act(async () => {})
let issued = 0
/** Each socket's ticket: ticket-1, ticket-2, … */
const fetchTicket = () => Promise.resolve(`ticket-${++issued}`)

async function mount(options: SocketOptions = {}) {
  setSession(session)
  issued = 0
  const hook = renderHook(({ s }) => useGameSocket(s, { baseDelayMs: DELAY / 1.2, maxDelayMs: DELAY / 1.2, retryBaseDelayMs: DELAY / 1.2, retryMaxDelayMs: DELAY / 1.2, fetchTicket, ...options }), {
    initialProps: { s: session },
  })
  await settle()
  const log = () => hook.result.current.state.log.map((l) => `${l.kind}:${l.text}${l.note ? ` (${l.note})` : ''}`)
  const send = (text: string) => {
    act(() => void hook.result.current.send(text))
    return actions(FakeWebSocket.last()).at(-1)!.id as string
  }
  const open = (first: unknown) => {
    const ws = FakeWebSocket.last()
    act(() => {
      ws.open()
      ws.receive(first)
    })
    return ws
  }
  /** Drops the socket and lets the backoff elapse: the next socket is created (not yet open). */
  const drop = async (ws: FakeWebSocket, code = 1006, reason = '') => {
    act(() => ws.serverClose(code, reason))
    act(() => vi.advanceTimersByTime(DELAY))
    await settle()
    return FakeWebSocket.last()
  }
  return { hook, log, send, open, drop }
}

describe('useGameSocket', () => {
  beforeEach(() => {
    FakeWebSocket.install()
    vi.useFakeTimers()
  })

  it('connects without resume, then resumes from the last seq seen and drops what it saw already', async () => {
    const { log, send, open, drop } = await mount()
    expect(FakeWebSocket.last().url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-1')
    const ws = open(welcome(4))
    const id = send('look')
    act(() => {
      ws.receive(result(id, 5, 'You see a well.'))
      ws.receive({ type: 'event', seq: 6, kind: 'say', from: 'Bram', text: 'Bram says hi.' })
    })

    const next = await drop(ws)
    expect(next.url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-2&resume=6')
    act(() => {
      next.open()
      next.receive(welcome(8, 'ok'))
      // a replay that overlaps what we saw (the server's or a second gateway's), then the missed frames
      next.receive({ type: 'event', seq: 6, kind: 'say', from: 'Bram', text: 'Bram says hi.' })
      next.receive({ type: 'event', seq: 7, kind: 'arrived', from: 'Cleo', text: 'Cleo arrives.' })
      next.receive({ type: 'event', seq: 8, kind: 'say', from: 'Cleo', text: 'Cleo waves.' })
      next.receive({ type: 'event', seq: 7, kind: 'arrived', from: 'Cleo', text: 'Cleo arrives.' })
    })
    expect(log().filter((l) => !l.startsWith('system:Connection lost'))).toEqual([
      'system:Welcome, Ada. You are in Village Square.',
      'command:look',
      'result:You see a well.',
      'event:Bram says hi.',
      'system:Reconnected: catching up on what you missed.',
      'event:Cleo arrives.',
      'event:Cleo waves.',
    ])
    expect(actions(next)).toEqual([]) // nothing was waiting
    await drop(next)
    expect(FakeWebSocket.last().url).toMatch(/&resume=8$/)
  })

  it('resends an unanswered action with the same id after a reconnect, and ignores its second answer', async () => {
    const { hook, log, send, open, drop } = await mount()
    const ws = open(welcome(0))
    const id = send('go north')
    const next = await drop(ws)
    act(() => {
      next.open()
      next.receive(welcome(0, 'ok'))
    })
    expect(actions(next)).toEqual([{ type: 'action', id, text: 'go north' }])
    expect(log()).toContain('command:go north (no answer yet: resent after reconnecting)')
    act(() => {
      // the first send did arrive: its answer is replayed, then the server answers the resend with the same outcome
      next.receive(result(id, 1, 'You walk north.'))
      next.receive(result(id, 2, 'You walk north.'))
      next.receive(error(id, 'busy', 3))
    })
    expect(log().filter((l) => l.includes('walk north'))).toEqual(['result:You walk north.'])
    expect(log()).toContain('command:go north')
    expect(hook.result.current.state.log.some((l) => l.kind === 'error')).toBe(false)
    await drop(next)
    act(() => {
      FakeWebSocket.last().open()
      FakeWebSocket.last().receive(welcome(3, 'ok'))
    })
    expect(actions(FakeWebSocket.last())).toEqual([]) // answered: never resent again
  })

  it('resends the same id after rate_limited, busy, overloaded or unavailable, with backoff', async () => {
    const { log, send, open } = await mount()
    const ws = open(welcome(0))
    const id = send('look')
    act(() => ws.receive(error(id, 'rate_limited')))
    expect(log()).toContain('command:look (too fast: resending)')
    expect(log().some((l) => l.startsWith('error:'))).toBe(false)
    expect(actions(ws)).toHaveLength(1) // not at once: after the backoff
    act(() => vi.advanceTimersByTime(DELAY))
    expect(actions(ws)).toEqual([
      { type: 'action', id, text: 'look' },
      { type: 'action', id, text: 'look' },
    ])
    for (const [code, note] of [
      ['busy', 'busy: resending'],
      ['overloaded', 'server busy: resending'],
      ['unavailable', 'server unavailable: resending'],
    ] as const) {
      act(() => ws.receive(error(id, code)))
      expect(log()).toContain(`command:look (${note})`)
      act(() => vi.advanceTimersByTime(DELAY))
    }
    expect(actions(ws).map((f) => f.id)).toEqual([id, id, id, id, id])
    act(() => ws.receive(result(id, 1, 'You see a well.')))
    expect(log()).toEqual(['system:Welcome, Ada. You are in Village Square.', 'command:look', 'result:You see a well.'])
  })

  it('stops after its attempts and shows the error; a late result is still shown', async () => {
    const { log, send, open } = await mount({ maxAttempts: 3 })
    const ws = open(welcome(0))
    const id = send('look')
    for (let i = 0; i < 2; i++) {
      act(() => ws.receive(error(id, 'busy')))
      act(() => vi.advanceTimersByTime(DELAY))
    }
    expect(actions(ws)).toHaveLength(3)
    act(() => ws.receive(error(id, 'busy')))
    act(() => vi.advanceTimersByTime(10 * DELAY))
    expect(actions(ws)).toHaveLength(3)
    expect(log().slice(-2)).toEqual(['command:look', 'error:refused: busy'])
    act(() => ws.receive(result(id, 1, 'You see a well.')))
    expect(log().at(-1)).toBe('result:You see a well.')
  })

  it('does not resend on a final error', async () => {
    const { log, send, open } = await mount()
    const ws = open(welcome(0))
    const id = send('x'.repeat(10))
    act(() => ws.receive(error(id, 'too_large', 1)))
    act(() => vi.advanceTimersByTime(10 * DELAY))
    expect(actions(ws)).toHaveLength(1)
    expect(log().at(-1)).toBe('error:refused: too_large')
  })

  it('leaves a resend due while disconnected to the next welcome', async () => {
    const { send, open, drop } = await mount()
    const ws = open(welcome(0))
    const id = send('look')
    act(() => ws.receive(error(id, 'busy')))
    const next = await drop(ws) // the resend timer fires with no open socket
    expect(actions(ws)).toHaveLength(1)
    act(() => {
      next.open()
      next.receive(welcome(0, 'ok'))
    })
    act(() => vi.advanceTimersByTime(10 * DELAY))
    expect(actions(next)).toEqual([{ type: 'action', id, text: 'look' }]) // once, not once more by the old timer
  })

  it('gives up on an action whose attempts ran out across reconnects', async () => {
    const { log, send, open, drop } = await mount({ maxAttempts: 2 })
    let ws = open(welcome(0))
    send('look')
    ws = await drop(ws)
    act(() => {
      ws.open()
      ws.receive(welcome(0, 'ok'))
    })
    expect(actions(ws)).toHaveLength(1)
    ws = await drop(ws)
    act(() => {
      ws.open()
      ws.receive(welcome(0, 'ok'))
    })
    expect(actions(ws)).toHaveLength(0)
    expect(log().at(-1)).toBe('error:No answer to "look" after 2 tries; look around to see whether it happened.')
  })

  it('starts afresh when the gap expired: says so and counts from the new welcome', async () => {
    const { log, open, drop } = await mount()
    const ws = open(welcome(10))
    const next = await drop(ws)
    expect(next.url).toMatch(/&resume=10$/)
    act(() => {
      next.open()
      next.receive({ ...welcome(900, 'expired'), location: northGate })
      next.receive({ type: 'event', seq: 900, kind: 'say', from: 'Bram', text: 'old' })
      next.receive({ type: 'event', seq: 901, kind: 'say', from: 'Bram', text: 'new' })
    })
    expect(log().slice(-3)).toEqual([
      'system:You were away too long: older messages were lost. Starting afresh.',
      'system:Welcome, Ada. You are in North Gate.',
      'event:new',
    ])
    await drop(next)
    expect(FakeWebSocket.last().url).toMatch(/&resume=901$/)
  })

  it('does not ask to resume from a server that sends no seq', async () => {
    const { open, drop } = await mount()
    const ws = open({ type: 'welcome', player: ada, location: square })
    act(() => ws.receive({ type: 'event', kind: 'say', from: 'Bram', text: 'hi' }))
    expect((await drop(ws)).url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-2')
  })

  it('is no longer closed for a burst: rate_limited answers leave the socket and the other actions alone', async () => {
    const { hook, send, open } = await mount()
    const ws = open(welcome(0))
    const ids = Array.from({ length: 20 }, (_, i) => send(`say ${i}`))
    act(() => {
      ids.slice(0, 16).forEach((id, i) => ws.receive(result(id, i + 1)))
      ids.slice(16).forEach((id) => ws.receive(error(id, 'rate_limited')))
    })
    expect(hook.result.current.connection).toBe('connected')
    act(() => vi.advanceTimersByTime(DELAY))
    // each on its own jittered backoff, so in any order
    expect(actions(ws).slice(20).map((f) => f.id).sort()).toEqual(ids.slice(16).sort())
  })

  it('reconnects with the new token when its own password change revoked the old one (4401)', async () => {
    const { hook, open } = await mount()
    const ws = open(welcome(3))
    const renewed = { ...session, token: 'tok-2' }
    act(() => setSession(renewed))
    act(() => ws.serverClose(4401)) // the server closes old-token sockets before the page re-renders
    expect(getSession()).toEqual(renewed)
    hook.rerender({ s: renewed })
    await settle()
    expect(FakeWebSocket.last().url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-2&resume=3')
  })

  it('ends the session on 4401 with an unchanged token', async () => {
    const onUnauthorized = vi.fn()
    const { hook, open } = await mount({ onUnauthorized })
    const ws = open(welcome(3))
    act(() => ws.serverClose(4401))
    expect(onUnauthorized).toHaveBeenCalledOnce()
    expect(hook.result.current.connection).toBe('unauthorized')
  })

  it('fetches a new ticket after a ticket refused (4401 invalid_ticket) and keeps the session', async () => {
    const onUnauthorized = vi.fn()
    const { hook, open, drop } = await mount({ onUnauthorized })
    const ws = open(welcome(3))
    const next = await drop(ws, 4401, 'invalid_ticket')
    expect(next.url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-2&resume=3')
    expect(onUnauthorized).not.toHaveBeenCalled()
    expect(hook.result.current.connection).toBe('reconnecting')
  })

  it('retries a ticket it could not fetch, with the backoff', async () => {
    let calls = 0
    const flaky = () => (++calls === 1 ? Promise.reject(new ApiError(503, 'unavailable', 'down')) : Promise.resolve('ticket-ok'))
    const { hook, log } = await mount({ fetchTicket: flaky })
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(hook.result.current.connection).toBe('reconnecting')
    expect(log().at(-1)).toMatch(/^system:Could not connect \(503\); reconnecting in 1 s…$/)
    act(() => vi.advanceTimersByTime(DELAY))
    await settle()
    expect(FakeWebSocket.last().url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-ok')
  })

  it('ends the session when the ticket is refused for the token (401)', async () => {
    const onUnauthorized = vi.fn()
    const { hook } = await mount({ onUnauthorized, fetchTicket: () => Promise.reject(new ApiError(401, 'unauthorized', 'ended')) })
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(onUnauthorized).toHaveBeenCalledOnce()
    expect(hook.result.current.connection).toBe('unauthorized')
  })

  it('keeps reconnecting past a socket limit (4429) and says why', async () => {
    const { hook, open, drop } = await mount()
    const ws = open(welcome(3))
    act(() => ws.receive({ type: 'error', code: 'too_many_sockets', message: 'You have 3 game windows open already; close one, then connect again.' }))
    const next = await drop(ws, 4429, 'too_many_sockets')
    expect(next.url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-2&resume=3')
    expect(hook.result.current.state.log.map((l) => l.text)).toContain('You have 3 game windows open already; close one, then connect again.')
  })
})
