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
}

export interface GameState {
  player: PlayerView | null
  location: LocationView | null
  log: LogLine[]
  nextKey: number
}

export const MAX_LOG_LINES = 400

export const initialGameState: GameState = { player: null, location: null, log: [], nextKey: 1 }

export type GameAction =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'sent'; actionId: string; text: string }
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
    case 'frame':
      return applyFrame(state, action.frame)
  }
}

function applyFrame(state: GameState, frame: ServerFrame): GameState {
  switch (frame.type) {
    case 'welcome': {
      const next = { ...state, player: frame.player, location: frame.location }
      return append(next, { kind: 'system', text: `Welcome, ${frame.player.name}. You are in ${frame.location.name}.` })
    }
    case 'narration': {
      const i = streamingLine(state.log, frame.actionId)
      const line = i >= 0 ? state.log[i] : undefined
      if (line) return replaceAt(state, i, { ...line, text: line.text + frame.delta })
      return append(state, { kind: 'narration', text: frame.delta, actionId: frame.actionId, streaming: true })
    }
    case 'result': {
      const next: GameState = {
        ...state,
        player: frame.player ?? state.player,
        location: frame.location ?? state.location,
      }
      const i = streamingLine(next.log, frame.actionId)
      const line = i >= 0 ? next.log[i] : undefined
      const done: Omit<LogLine, 'key'> = { kind: 'result', text: frame.text, actionId: frame.actionId, tag: frame.source, streaming: false }
      if (line) return replaceAt(next, i, { ...done, key: line.key })
      return append(next, done)
    }
    case 'event':
      return append(withPresence(state, frame.kind, frame.from), { kind: 'event', text: frame.text, tag: frame.kind })
    case 'error': {
      let next = state
      if (frame.actionId) {
        const i = streamingLine(state.log, frame.actionId)
        const line = i >= 0 ? state.log[i] : undefined
        if (line) next = replaceAt(state, i, { ...line, streaming: false })
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
