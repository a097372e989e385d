// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ada, northGate, square } from '@/test/fixtures'
import { gameReducer, initialGameState, MAX_LOG_LINES, type GameAction, type GameState } from './reducer'
import type { ServerFrame } from './schema'

const frame = (f: ServerFrame): GameAction => ({ type: 'frame', frame: f })
const run = (...actions: GameAction[]): GameState => actions.reduce(gameReducer, initialGameState)
const texts = (s: GameState) => s.log.map((l) => `${l.kind}:${l.text}`)

const welcome = frame({ type: 'welcome', player: ada, location: square, seq: 0, resume: null })

describe('gameReducer', () => {
  it('takes player and room from the welcome frame', () => {
    const s = run(welcome)
    expect(s.player).toEqual(ada)
    expect(s.location?.name).toBe('Village Square')
    expect(texts(s)).toEqual(['system:Welcome, Ada. You are in Village Square.'])
  })

  it('grows one line from narration deltas, then replaces it with the result text', () => {
    const moved = { ...ada, locationId: 'north-gate' }
    let s = run(welcome, { type: 'sent', actionId: 'a1', text: 'go north' })
    s = gameReducer(s, frame({ type: 'narration', actionId: 'a1', delta: 'You walk ' }))
    s = gameReducer(s, frame({ type: 'narration', actionId: 'a1', delta: 'north.' }))
    expect(texts(s).slice(1)).toEqual(['command:go north', 'narration:You walk north.'])
    expect(s.log.at(-1)?.streaming).toBe(true)
    const key = s.log.at(-1)?.key

    s = gameReducer(s, frame({ type: 'result', actionId: 'a1', text: 'You pass through the North Gate.', source: 'llm', player: moved, location: northGate }))
    expect(texts(s).slice(1)).toEqual(['command:go north', 'result:You pass through the North Gate.'])
    expect(s.log.at(-1)).toMatchObject({ key, streaming: false, tag: 'llm', actionId: 'a1' })
    expect(s.location?.id).toBe('north-gate')
    expect(s.player?.locationId).toBe('north-gate')
  })

  it('appends a result that had no deltas (rules, cache, NPC)', () => {
    const s = run(welcome, frame({ type: 'result', actionId: 'a2', text: 'You see a well.', source: 'cache', player: ada, location: square }))
    expect(s.log.at(-1)).toMatchObject({ kind: 'result', text: 'You see a well.', tag: 'cache' })
  })

  it('keeps deltas of interleaved actions apart', () => {
    const s = run(
      welcome,
      frame({ type: 'narration', actionId: 'a1', delta: 'One' }),
      frame({ type: 'narration', actionId: 'a2', delta: 'Two' }),
      frame({ type: 'narration', actionId: 'a1', delta: ' more' }),
      frame({ type: 'result', actionId: 'a2', text: 'Second.', source: 'llm', player: null, location: null }),
    )
    expect(texts(s).slice(1)).toEqual(['narration:One more', 'result:Second.'])
    expect(s.location).toEqual(square) // a result without state keeps the last one
  })

  it('logs events from others and keeps "players here" current', () => {
    let s = run(welcome, frame({ type: 'event', kind: 'arrived', from: 'Bram', text: 'Bram arrives from the south.' }))
    expect(s.log.at(-1)).toMatchObject({ kind: 'event', text: 'Bram arrives from the south.', tag: 'arrived' })
    expect(s.location?.players.map((p) => p.name)).toEqual(['Ada', 'Bram'])
    s = gameReducer(s, frame({ type: 'event', kind: 'arrived', from: 'Bram', text: 'again' }))
    expect(s.location?.players).toHaveLength(2)
    s = gameReducer(s, frame({ type: 'event', kind: 'left', from: 'Bram', text: 'Bram leaves north.' }))
    expect(s.location?.players.map((p) => p.name)).toEqual(['Ada'])
    s = gameReducer(s, frame({ type: 'event', kind: 'say', from: 'Cleo', text: 'Cleo says "hi"' }))
    expect(s.location?.players.map((p) => p.name)).toEqual(['Ada'])
  })

  it('shows error frames and stops the streaming cursor of that action', () => {
    const s = run(
      welcome,
      frame({ type: 'narration', actionId: 'a1', delta: 'You beg' }),
      frame({ type: 'error', actionId: 'a1', code: 'busy', message: 'The world is busy, try again.' }),
      frame({ type: 'error', actionId: null, code: 'bad_request', message: 'Not JSON.' }),
    )
    expect(s.log.find((l) => l.actionId === 'a1' && l.kind === 'narration')?.streaming).toBe(false)
    expect(s.log.slice(-2).map((l) => [l.kind, l.tag, l.text])).toEqual([
      ['error', 'busy', 'The world is busy, try again.'],
      ['error', 'bad_request', 'Not JSON.'],
    ])
  })

  it('ignores pongs', () => {
    const s = run(welcome)
    expect(gameReducer(s, frame({ type: 'pong' }))).toBe(s)
  })

  it('marks a command being resent, and clears the mark with its answer', () => {
    let s = run(welcome, { type: 'sent', actionId: 'a1', text: 'look' }, { type: 'sent', actionId: 'a2', text: 'go north' })
    s = gameReducer(s, { type: 'retrying', actionId: 'a1', code: 'rate_limited' })
    s = gameReducer(s, { type: 'retrying', actionId: 'a2', code: 'busy' })
    expect(s.log.slice(1).map((l) => [l.text, l.note])).toEqual([
      ['look', 'too fast: resending'],
      ['go north', 'busy: resending'],
    ])
    expect(s.log).toHaveLength(3) // notes, not extra lines
    s = gameReducer(s, frame({ type: 'result', actionId: 'a1', text: 'You see a well.', source: 'rules', player: null, location: null }))
    s = gameReducer(s, frame({ type: 'error', actionId: 'a2', code: 'busy', message: 'Still busy.' }))
    expect(s.log.filter((l) => l.kind === 'command').map((l) => l.note)).toEqual([undefined, undefined])
    expect(texts(s).slice(-2)).toEqual(['result:You see a well.', 'error:Still busy.'])
  })

  it('says it on a line of its own when the resent command left the log', () => {
    const s = run(welcome, { type: 'retrying', actionId: 'gone', code: 'overloaded' })
    expect(s.log.at(-1)).toMatchObject({ kind: 'system', text: '(server busy: resending)', actionId: 'gone' })
  })

  it('keeps the log on a resumed welcome and takes the replayed frames', () => {
    let s = run(welcome, { type: 'sent', actionId: 'a1', text: 'go north' }, frame({ type: 'narration', actionId: 'a1', delta: 'You wa' }))
    s = gameReducer(s, frame({ type: 'welcome', player: ada, location: square, seq: 3, resume: 'ok' }))
    expect(texts(s)).toEqual([
      'system:Welcome, Ada. You are in Village Square.',
      'command:go north',
      'narration:You wa',
      'system:Reconnected: catching up on what you missed.',
    ])
    expect(s.log[2]?.streaming).toBe(true) // the result among the replayed frames completes it
    s = gameReducer(s, frame({ type: 'result', seq: 4, actionId: 'a1', text: 'You walk north.', source: 'llm', player: { ...ada, locationId: 'north-gate' }, location: northGate }))
    expect(texts(s)[2]).toBe('result:You walk north.')
    expect(s.location?.id).toBe('north-gate')
  })

  it('keeps the newer snapshot when replayed frames it already covers carry older state', () => {
    const moved = { ...ada, locationId: 'north-gate' }
    let s = run(frame({ type: 'welcome', player: moved, location: northGate, seq: 7, resume: 'ok' }))
    s = gameReducer(s, frame({ type: 'result', seq: 6, actionId: 'a1', text: 'You look around the square.', source: 'rules', player: ada, location: square }))
    s = gameReducer(s, frame({ type: 'event', seq: 7, kind: 'left', from: 'Bram', text: 'Bram leaves.' }))
    expect(s.location?.id).toBe('north-gate')
    expect(s.location?.players.map((p) => p.name)).toEqual(['Ada', 'Bram'])
    expect(texts(s).slice(-2)).toEqual(['result:You look around the square.', 'event:Bram leaves.'])
    s = gameReducer(s, frame({ type: 'result', seq: 8, actionId: 'a2', text: 'You go south.', source: 'rules', player: ada, location: square }))
    expect(s.location?.id).toBe('square')
  })

  it('starts afresh on an expired welcome: says older messages were lost, no line keeps streaming', () => {
    let s = run(welcome, frame({ type: 'narration', actionId: 'a1', delta: 'You wa' }))
    s = gameReducer(s, frame({ type: 'welcome', player: ada, location: northGate, seq: 50, resume: 'expired' }))
    expect(texts(s).slice(-2)).toEqual([
      'system:You were away too long: older messages were lost. Starting afresh.',
      'system:Welcome, Ada. You are in North Gate.',
    ])
    expect(s.log.some((l) => l.streaming)).toBe(false)
    expect(s.snapshotSeq).toBe(50)
    expect(s.location?.id).toBe('north-gate')
  })

  it('caps the log', () => {
    let s = run(welcome)
    for (let i = 0; i < MAX_LOG_LINES + 10; i++) s = gameReducer(s, { type: 'system', text: `line ${i}` })
    expect(s.log).toHaveLength(MAX_LOG_LINES)
    expect(s.log.at(-1)?.text).toBe(`line ${MAX_LOG_LINES + 9}`)
    expect(new Set(s.log.map((l) => l.key)).size).toBe(MAX_LOG_LINES)
  })
})
