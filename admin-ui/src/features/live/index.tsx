import { createContext, useContext, useEffect, useReducer, useRef, type ReactNode } from 'react'
import { runAdminStream, type StreamOptions } from './api'
import { initialLiveState, liveReducer, type LiveState } from './store'

const LiveContext = createContext<LiveState | null>(null)

/** Opens the one admin stream for every admin page below it; closes it on unmount. */
export function AdminStreamProvider({ children, options }: { children: ReactNode; options?: StreamOptions }) {
  const [state, dispatch] = useReducer(liveReducer, initialLiveState)
  const optionsRef = useRef(options) // fixed for the provider's lifetime
  useEffect(() => {
    const controller = new AbortController()
    void runAdminStream(
      {
        onStats: (stats) => dispatch({ type: 'stats', stats }),
        onTopology: (topology) => dispatch({ type: 'topology', topology, receivedAt: Date.now() }),
        onStatus: (status) => dispatch({ type: 'status', status }),
      },
      controller.signal,
      optionsRef.current,
    )
    return () => controller.abort()
  }, [])
  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>
}

/** The live stream's state: status, latest stats and topology, recent stats history. */
export function useAdminStream(): LiveState {
  const state = useContext(LiveContext)
  if (!state) throw new Error('useAdminStream needs an AdminStreamProvider')
  return state
}

export type { LiveState } from './store'
export * from './schema'
export { LiveIndicator } from './components/live-indicator'
