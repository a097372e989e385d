import type { LocationView, PlayerView, ServerFrame } from './schema'

/** One line of the narration log. */
export interface LogLine {
  key: number
  kind: 'command' | 'narration' | 'result' | 'event' | 'error' | 'system'
  text: string
  actionId?: string
  /** `llm`, `rules` or `cache` for results; the event kind for events; the error code for errors. */
  tag?: string
  /** True while narration deltas are still arriving for this line. */
  streaming?: boolean
  /** On a command line while the client resends it ("too fast: resending"); cleared by its answer. */
  note?: string
}

export interface GameState {
  player: PlayerView | null
  location: LocationView | null
  log: LogLine[]
  nextKey: number
  /** The seq the last welcome's snapshot covers: replayed frames up to it add lines but not older state. */
  snapshotSeq: number | null
}

export const MAX_LOG_LINES = 400

export const initialGameState: GameState = { player: null, location: null, log: [], nextKey: 1, snapshotSeq: null }

export type GameAction =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'sent'; actionId: string; text: string }
  /** The server said "not now" (`code`) for this action: it is being resent. */
  | { type: 'retrying'; actionId: string; code: string }
  | { type: 'system'; text: string }
  | { type: 'reset' }

function append(state: GameState, line: Omit<LogLine, 'key'>): GameState {
  const log = [...state.log, { ...line, key: state.nextKey }]
  if (log.length > MAX_LOG_LINES) log.splice(0, log.length - MAX_LOG_LINES)
  return { ...state, log, nextKey: state.nextKey + 1 }
}

/** Index of the line still streaming for this action, or -1. */
function streamingLine(log: LogLine[], actionId: string): number {
  for (let i = log.length - 1; i >= 0; i--) {
    const line = log[i]
    if (line && line.actionId === actionId && line.streaming) return i
  }
  return -1
}

function replaceAt(state: GameState, index: number, line: LogLine): GameState {
  const log = state.log.slice()
  log[index] = line
  return { ...state, log }
}

/** Index of the command line of this action, or -1. */
function commandLine(log: LogLine[], actionId: string): number {
  for (let i = log.length - 1; i >= 0; i--) {
    const line = log[i]
    if (line && line.actionId === actionId && line.kind === 'command') return i
  }
  return -1
}

/** Sets (or with undefined clears) the note on the action's command line. */
function withNote(state: GameState, actionId: string, note: string | undefined): GameState {
  const i = commandLine(state.log, actionId)
  const line = i >= 0 ? state.log[i] : undefined
  if (!line || line.note === note) return state
  const { note: _old, ...rest } = line
  return replaceAt(state, i, note === undefined ? rest : { ...rest, note })
}

/** Narration deltas are never replayed: after a fresh welcome no line waits for more. */
function stopStreaming(state: GameState): GameState {
  if (!state.log.some((l) => l.streaming)) return state
  return { ...state, log: state.log.map((l) => (l.streaming ? { ...l, streaming: false } : l)) }
}

/** A replayed frame the welcome's snapshot already covers: its player and location are older than what we show. */
const covered = (state: GameState, seq: number | undefined): boolean => seq !== undefined && state.snapshotSeq !== null && seq <= state.snapshotSeq

const RETRY_NOTES: Record<string, string> = {
  rate_limited: 'too fast: resending',
  busy: 'busy: resending',
  overloaded: 'server busy: resending',
  unavailable: 'server unavailable: resending',
  reconnected: 'no answer yet: resent after reconnecting',
}
export const retryNote = (code: string): string => RETRY_NOTES[code] ?? `${code}: resending`

/**
 * The Play page's state machine over socket frames: pure, so every frame order is unit-tested.
 * Narration deltas grow one line live; the action's result replaces that line's text with the final one.
 */
export function gameReducer(state: GameState, action: GameAction): GameState {
  switch (action.type) {
    case 'reset':
      return initialGameState
    case 'system':
      return append(state, { kind: 'system', text: action.text })
    case 'sent':
      return append(state, { kind: 'command', text: action.text, actionId: action.actionId })
    case 'retrying': {
      const note = retryNote(action.code)
      const next = withNote(state, action.actionId, note)
      // The command line scrolled out of the log: say it on a line of its own.
      return commandLine(next.log, action.actionId) >= 0 ? next : append(next, { kind: 'system', text: `(${note})`, actionId: action.actionId })
    }
    case 'frame':
      return applyFrame(state, action.frame)
  }
}

function applyFrame(state: GameState, frame: ServerFrame): GameState {
  switch (frame.type) {
    case 'welcome': {
      const next = { ...state, player: frame.player, location: frame.location, snapshotSeq: frame.seq }
      // Resumed: the log stays, the missed frames follow (a streaming line gets its result among them).
      if (frame.resume === 'ok') return append(next, { kind: 'system', text: 'Reconnected: catching up on what you missed.' })
      let fresh = stopStreaming(next)
      if (frame.resume === 'expired') {
        fresh = append(fresh, { kind: 'system', text: 'You were away too long: older messages were lost. Starting afresh.' })
      }
      return append(fresh, { kind: 'system', text: `Welcome, ${frame.player.name}. You are in ${frame.location.name}.` })
    }
    case 'narration': {
      const i = streamingLine(state.log, frame.actionId)
      const line = i >= 0 ? state.log[i] : undefined
      if (line) return replaceAt(state, i, { ...line, text: line.text + frame.delta })
      return append(state, { kind: 'narration', text: frame.delta, actionId: frame.actionId, streaming: true })
    }
    case 'result': {
      const old = covered(state, frame.seq)
      const next: GameState = withNote(
        {
          ...state,
          player: old ? state.player : (frame.player ?? state.player),
          location: old ? state.location : (frame.location ?? state.location),
        },
        frame.actionId,
        undefined,
      )
      const i = streamingLine(next.log, frame.actionId)
      const line = i >= 0 ? next.log[i] : undefined
      const done: Omit<LogLine, 'key'> = { kind: 'result', text: frame.text, actionId: frame.actionId, tag: frame.source, streaming: false }
      if (line) return replaceAt(next, i, { ...done, key: line.key })
      return append(next, done)
    }
    case 'event': {
      const next = covered(state, frame.seq) ? state : withPresence(state, frame.kind, frame.from)
      return append(next, { kind: 'event', text: frame.text, tag: frame.kind })
    }
    case 'error': {
      let next = state
      if (frame.actionId) {
        next = withNote(next, frame.actionId, undefined)
        const i = streamingLine(next.log, frame.actionId)
        const line = i >= 0 ? next.log[i] : undefined
        if (line) next = replaceAt(next, i, { ...line, streaming: false })
      }
      return append(next, { kind: 'error', text: frame.message, tag: frame.code, ...(frame.actionId ? { actionId: frame.actionId } : {}) })
    }
    case 'pong':
      return state
  }
}

const ARRIVALS = new Set(['arrived', 'connected'])
const DEPARTURES = new Set(['left', 'disconnected'])

/**
 * Keeps "players here" current between results: events name the actor only, so an arrival adds a
 * placeholder entry (replaced by the real list on the next result) and a departure removes by name.
 */
function withPresence(state: GameState, kind: string, from: string | null): GameState {
  const location = state.location
  if (!location || !from || from === state.player?.name) return state
  const present = location.players.some((p) => p.name === from)
  if (ARRIVALS.has(kind) && !present) {
    return { ...state, location: { ...location, players: [...location.players, { id: `name:${from}`, name: from }] } }
  }
  if (DEPARTURES.has(kind) && present) {
    return { ...state, location: { ...location, players: location.players.filter((p) => p.name !== from) } }
  }
  return state
}
