import type { Stats, StreamStatus, Topology } from './schema'

/** What the admin pages know from the live stream: the latest figures and a short history for sparklines. */
export interface LiveState {
  status: StreamStatus
  stats: Stats | null
  topology: Topology | null
  /** The last HISTORY_SIZE stats events, oldest first. */
  history: Stats[]
  /** When the topology last arrived (client clock), to say how fresh the diagram is. */
  topologyAt: number | null
}

export const HISTORY_SIZE = 120

export type LiveAction =
  | { type: 'status'; status: StreamStatus }
  | { type: 'stats'; stats: Stats }
  | { type: 'topology'; topology: Topology; receivedAt: number }

export const initialLiveState: LiveState = { status: 'connecting', stats: null, topology: null, history: [], topologyAt: null }

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'status':
      return state.status === action.status ? state : { ...state, status: action.status }
    case 'stats': {
      const history = [...state.history, action.stats]
      if (history.length > HISTORY_SIZE) history.splice(0, history.length - HISTORY_SIZE)
      return { ...state, stats: action.stats, history }
    }
    case 'topology':
      return { ...state, topology: action.topology, topologyAt: action.receivedAt }
  }
}
