import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { setSession, type Session } from '@/api/session'
import { backoffDelay } from '@/lib/backoff'
import { gameSocketUrl, nextActionId, PING_INTERVAL_MS } from './api'
import { gameReducer, initialGameState } from './reducer'
import { CLOSE_KICKED, CLOSE_UNAUTHORIZED, parseServerFrame, type ClientFrame } from './schema'

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'kicked' | 'unauthorized'

export interface SocketOptions {
  baseDelayMs?: number
  maxDelayMs?: number
  pingIntervalMs?: number
  /** Called on a 4401 close (the token was refused), after which the socket stays closed. */
  onUnauthorized?: () => void
}

/**
 * The player's game socket: frames into the pure game reducer, a ping every 25 s, reconnects with backoff.
 * A 4409 close (kicked by an admin) stays closed; a 4401 ends the session so the page asks for a login.
 */
export function useGameSocket(session: Session, options: SocketOptions = {}) {
  const [state, dispatch] = useReducer(gameReducer, initialGameState)
  const [connection, setConnection] = useState<Connection>('connecting')
  const socketRef = useRef<WebSocket | null>(null)
  const optionsRef = useRef(options)

  useEffect(() => {
    const { baseDelayMs = 1000, maxDelayMs = 30_000, pingIntervalMs = PING_INTERVAL_MS } = optionsRef.current
    let disposed = false
    let attempt = 0
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let pingTimer: ReturnType<typeof setInterval> | undefined

    const connect = () => {
      if (disposed) return
      const ws = new WebSocket(gameSocketUrl(session.playerId, session.token))
      socketRef.current = ws
      ws.onopen = () => {
        if (disposed) return
        attempt = 0
        setConnection('connected')
        pingTimer = setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame))
        }, pingIntervalMs)
      }
      ws.onmessage = (e: MessageEvent) => {
        if (disposed || typeof e.data !== 'string') return
        const frame = parseServerFrame(e.data)
        if (frame) dispatch({ type: 'frame', frame })
      }
      ws.onclose = (e: CloseEvent) => {
        clearInterval(pingTimer)
        if (socketRef.current === ws) socketRef.current = null
        if (disposed) return
        if (e.code === CLOSE_KICKED) {
          setConnection('kicked')
          dispatch({ type: 'system', text: `You were kicked by an admin${e.reason ? `: ${e.reason}` : '.'}` })
          return
        }
        if (e.code === CLOSE_UNAUTHORIZED) {
          setConnection('unauthorized')
          if (optionsRef.current.onUnauthorized) optionsRef.current.onUnauthorized()
          else setSession(null)
          return
        }
        const delay = backoffDelay(attempt++, baseDelayMs, maxDelayMs)
        setConnection('reconnecting')
        dispatch({ type: 'system', text: `Connection lost${e.code ? ` (${e.code})` : ''}; reconnecting in ${Math.ceil(delay / 1000)} s…` })
        retryTimer = setTimeout(connect, delay)
      }
    }

    setConnection('connecting')
    connect()
    return () => {
      disposed = true
      clearTimeout(retryTimer)
      clearInterval(pingTimer)
      const ws = socketRef.current
      socketRef.current = null
      if (ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)) ws.close(1000, 'page closed')
    }
  }, [session.playerId, session.token])

  /** Sends an action; false when the socket is not open. */
  const send = useCallback((text: string): boolean => {
    const ws = socketRef.current
    const trimmed = text.trim()
    if (!trimmed) return false
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      dispatch({ type: 'system', text: 'Not connected: the command was not sent.' })
      return false
    }
    const id = nextActionId()
    ws.send(JSON.stringify({ type: 'action', id, text: trimmed } satisfies ClientFrame))
    dispatch({ type: 'sent', actionId: id, text: trimmed })
    return true
  }, [])

  return { state, connection, send }
}
