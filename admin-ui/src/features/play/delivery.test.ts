// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ada, square } from '@/test/fixtures'
import { ANSWERED_MEMORY, Delivery, MAX_ATTEMPTS } from './delivery'
import type { ErrorFrame, ResultFrame, ServerFrame, WelcomeFrame } from './schema'

const welcome = (seq: number | null, resume: WelcomeFrame['resume'] = null): WelcomeFrame => ({ type: 'welcome', player: ada, location: square, seq, resume })
const result = (actionId: string, seq?: number): ResultFrame => ({
  type: 'result',
  ...(seq === undefined ? {} : { seq }),
  actionId,
  text: `answer to ${actionId}`,
  source: 'rules',
  player: null,
  location: null,
})
const error = (actionId: string | null, code: string, seq?: number): ErrorFrame => ({
  type: 'error',
  ...(seq === undefined ? {} : { seq }),
  actionId,
  code,
  message: code,
})
const event = (seq: number): ServerFrame => ({ type: 'event', seq, kind: 'say', from: 'Bram', text: `event ${seq}` })
const kinds = (d: Delivery, ...frames: ServerFrame[]) => frames.map((f) => d.receive(f).kind)

describe('Delivery', () => {
  it('starts from the welcome seq and drops every frame at or below the last seen', () => {
    const d = new Delivery()
    expect(d.lastSeq).toBeNull()
    expect(kinds(d, welcome(10))).toEqual(['show'])
    expect(d.lastSeq).toBe(10)
    expect(kinds(d, event(9), event(10), event(11), event(11), event(13), event(12), event(14))).toEqual(['drop', 'drop', 'show', 'drop', 'show', 'drop', 'show'])
    expect(d.lastSeq).toBe(14)
  })

  it('takes frames without seq (deltas, gateway errors, an older server) as they come', () => {
    const d = new Delivery()
    d.receive(welcome(null))
    d.sent('a1', 'look')
    expect(kinds(d, { type: 'narration', actionId: 'a1', delta: 'x' }, error(null, 'bad_request'), result('a1'))).toEqual(['show', 'show', 'show'])
    expect(d.lastSeq).toBeNull()
  })

  it('keeps its own seq on a resumed welcome, so the replay that follows is taken', () => {
    const d = new Delivery()
    d.receive(welcome(3))
    d.receive(event(4))
    // the server may say what its snapshot covers (here 7): the missed frames 5..7 still follow and count
    expect(kinds(d, welcome(7, 'ok'), event(5), event(6), event(7), event(7), event(8))).toEqual(['show', 'show', 'show', 'show', 'drop', 'show'])
  })

  it('restarts the count on an expired (fresh) welcome, even lower than before', () => {
    const d = new Delivery()
    d.receive(welcome(0))
    kinds(d, event(1), event(2), event(900))
    d.receive(welcome(5, 'expired'))
    expect(d.lastSeq).toBe(5)
    expect(kinds(d, event(5), event(6))).toEqual(['drop', 'show'])
  })

  it('answers an action once: a second result or error for its id is ignored', () => {
    const d = new Delivery()
    d.receive(welcome(0))
    d.sent('a1', 'look')
    expect(d.isPending('a1')).toBe(true)
    expect(kinds(d, result('a1', 1))).toEqual(['show'])
    expect(d.isPending('a1')).toBe(false)
    // the resend's answer comes with a new seq: still the same action
    expect(kinds(d, result('a1', 2), error('a1', 'busy', 3), { type: 'narration', actionId: 'a1', delta: 'late' })).toEqual(['drop', 'drop', 'drop'])
    expect(d.unanswered()).toEqual({ resend: [], gaveUp: [] })
  })

  it.each(['busy', 'unavailable', 'overloaded', 'rate_limited'])('resends on %s until the attempts run out, then shows it', (code) => {
    const d = new Delivery()
    d.sent('a1', 'go north')
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(d.receive(error('a1', code))).toEqual({ kind: 'retry', action: { id: 'a1', text: 'go north', attempts: attempt } })
      expect(d.resend('a1')).toEqual({ id: 'a1', text: 'go north', attempts: attempt + 1 })
    }
    expect(d.receive(error('a1', code))).toEqual({ kind: 'show' })
    expect(d.isPending('a1')).toBe(false)
    expect(d.resend('a1')).toBeNull()
    // not an answer for good: a late result (the action completed after all) is still taken, once
    expect(kinds(d, result('a1'), result('a1'))).toEqual(['show', 'drop'])
  })

  it('does not resend on a final error, and answers the action with it', () => {
    const d = new Delivery()
    d.sent('a1', 'x'.repeat(600))
    expect(kinds(d, error('a1', 'too_large'), result('a1'))).toEqual(['show', 'drop'])
    expect(d.resend('a1')).toBeNull()
  })

  it('shows a retryable error about an id it is not waiting for (another tab, an admin action)', () => {
    const d = new Delivery()
    expect(kinds(d, error('elsewhere', 'busy'))).toEqual(['show'])
  })

  it('resends every unanswered action after a reconnect, and gives up those out of attempts', () => {
    const d = new Delivery(3)
    d.sent('a1', 'look')
    d.sent('a2', 'go north')
    d.sent('a3', 'say hi')
    d.receive(result('a2'))
    d.resend('a3')
    expect(d.unanswered()).toEqual({
      resend: [
        { id: 'a1', text: 'look', attempts: 2 },
        { id: 'a3', text: 'say hi', attempts: 3 },
      ],
      gaveUp: [],
    })
    expect(d.unanswered()).toEqual({ resend: [{ id: 'a1', text: 'look', attempts: 3 }], gaveUp: [{ id: 'a3', text: 'say hi', attempts: 3 }] })
    expect(d.unanswered()).toEqual({ resend: [], gaveUp: [{ id: 'a1', text: 'look', attempts: 3 }] })
  })

  it('remembers a bounded number of answered ids', () => {
    const d = new Delivery()
    for (let i = 0; i <= ANSWERED_MEMORY; i++) {
      d.sent(`a${i}`, 'look')
      d.receive(result(`a${i}`))
    }
    expect(d.receive(result(`a${ANSWERED_MEMORY}`)).kind).toBe('drop')
    expect(d.receive(result('a0')).kind).toBe('show') // the oldest was forgotten
  })
})
