import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { ApiError } from '@/api/errors'
import { getSession, setSession, type Session } from '@/api/session'
import { backoffDelay } from '@/lib/backoff'
import { fetchSocketTicket, gameSocketUrl, nextActionId, PING_INTERVAL_MS } from './api'
import { Delivery, type PendingAction } from './delivery'
import { gameReducer, initialGameState } from './reducer'
import { CLOSE_KICKED, CLOSE_UNAUTHORIZED, INVALID_TICKET, parseServerFrame, type ClientFrame } from './schema'

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'kicked' | 'unauthorized'

export interface SocketOptions {
  baseDelayMs?: number
  maxDelayMs?: number
  pingIntervalMs?: number
  /** First wait before resending an action the server answered "not now"; doubles up to `retryMaxDelayMs`. */
  retryBaseDelayMs?: number
  retryMaxDelayMs?: number
  /** Sends of one action id before its error is shown (default MAX_ATTEMPTS). */
  maxAttempts?: number
  /** Called on a 4401 close (the token was refused), after which the socket stays closed. */
  onUnauthorized?: () => void
  /** Fetches the single-use ticket each socket opens with (default: `POST /api/auth/ticket`). */
  fetchTicket?: () => Promise<string>
}

/** One socket per player and token: a password change (a new token) opens a new one. */
const socketKeyOf = (playerId: string, token: string) => `${playerId} ${token}`

/**
 * The player's game socket: frames into the pure game reducer, a ping every 25 s, reconnects with backoff.
 * Exactly-once on the client's side (see Delivery): a reconnect asks to resume after the last seq seen, frames
 * seen already are dropped, and actions without an answer are resent with the same id, after a reconnect or a
 * busy/unavailable/overloaded/rate_limited error, until they are answered or their attempts run out.
 * Each socket opens with a fresh single-use ticket (the token never goes in a URL); a ticket refused (4401
 * `invalid_ticket`) or not fetched is retried with the backoff, a 401 for the ticket is the token refused.
 * A 4409 close (kicked by an admin) stays closed; a refused token ends the session so the page asks for a login.
 */
export function useGameSocket(session: Session, options: SocketOptions = {}) {
  const [state, dispatch] = useReducer(gameReducer, initialGameState)
  // The state belongs to one player's token: a new one starts at 'connecting' without the effect having to say so.
  const socketKey = socketKeyOf(session.playerId, session.token)
  const [status, setStatus] = useState<{ socketKey: string; connection: Connection }>({ socketKey, connection: 'connecting' })
  const connection = status.socketKey === socketKey ? status.connection : 'connecting'
  const socketRef = useRef<WebSocket | null>(null)
  const optionsRef = useRef(options)
  // One per page: outlives sockets and token changes (a password change reconnects and resumes).
  const [delivery] = useState(() => new Delivery(options.maxAttempts))

  useEffect(() => {
    const {
      baseDelayMs = 1000,
      maxDelayMs = 30_000,
      pingIntervalMs = PING_INTERVAL_MS,
      retryBaseDelayMs = 500,
      retryMaxDelayMs = 8000,
    } = optionsRef.current
    const setConnection = (connection: Connection) => setStatus({ socketKey: socketKeyOf(session.playerId, session.token), connection })
    let disposed = false
    let attempt = 0
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let pingTimer: ReturnType<typeof setInterval> | undefined
    const resendTimers = new Map<string, ReturnType<typeof setTimeout>>()

    const cancelResend = (id: string) => {
      clearTimeout(resendTimers.get(id))
      resendTimers.delete(id)
    }
    const sendAction = (ws: WebSocket, action: Pick<PendingAction, 'id' | 'text'>) =>
      ws.send(JSON.stringify({ type: 'action', id: action.id, text: action.text } satisfies ClientFrame))

    /** A "not now" answer: the same id again after a backoff; if the socket is down by then, the next welcome resends it. */
    const scheduleResend = (action: PendingAction, code: string) => {
      dispatch({ type: 'retrying', actionId: action.id, code })
      cancelResend(action.id)
      const delay = backoffDelay(action.attempts - 1, retryBaseDelayMs, retryMaxDelayMs)
      resendTimers.set(
        action.id,
        setTimeout(() => {
          resendTimers.delete(action.id)
          const ws = socketRef.current
          if (disposed || !ws || ws.readyState !== WebSocket.OPEN) return
          const again = delivery.resend(action.id)
          if (again) sendAction(ws, again)
        }, delay),
      )
    }

    /** After a welcome: what the last socket left unanswered goes out again, same ids. */
    const resendUnanswered = (ws: WebSocket) => {
      resendTimers.forEach(clearTimeout)
      resendTimers.clear()
      const { resend, gaveUp } = delivery.unanswered()
      for (const action of resend) {
        dispatch({ type: 'retrying', actionId: action.id, code: 'reconnected' })
        sendAction(ws, action)
      }
      for (const action of gaveUp) {
        const message = `No answer to "${action.text}" after ${action.attempts} tries; look around to see whether it happened.`
        dispatch({ type: 'frame', frame: { type: 'error', actionId: action.id, code: 'no_answer', message } })
      }
    }

    /** The token was refused: a newer one (our own password change) reconnects at once, else the session ends. */
    const unauthorized = () => {
      const current = getSession()
      if (current && current.playerId === session.playerId && current.token !== session.token) {
        setConnection('reconnecting')
        return
      }
      setConnection('unauthorized')
      if (optionsRef.current.onUnauthorized) optionsRef.current.onUnauthorized()
      else setSession(null)
    }

    const reconnectLater = (why: string) => {
      const delay = backoffDelay(attempt++, baseDelayMs, maxDelayMs)
      setConnection('reconnecting')
      dispatch({ type: 'system', text: `${why}; reconnecting in ${Math.ceil(delay / 1000)} s…` })
      retryTimer = setTimeout(connect, delay)
    }

    const connect = () => {
      if (disposed) return
      const fetchTicket = optionsRef.current.fetchTicket ?? fetchSocketTicket
      fetchTicket().then(
        (ticket) => open(ticket),
        (e: unknown) => {
          if (disposed) return
          if (e instanceof ApiError && e.status === 401) unauthorized()
          else reconnectLater(`Could not connect${e instanceof ApiError && e.status ? ` (${e.status})` : ''}`)
        },
      )
    }

    const open = (ticket: string) => {
      if (disposed) return
      const ws = new WebSocket(gameSocketUrl(session.playerId, ticket, delivery.lastSeq))
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
        if (!frame) return
        const verdict = delivery.receive(frame)
        if (verdict.kind === 'drop') return
        if (verdict.kind === 'retry') {
          if (frame.type === 'error') scheduleResend(verdict.action, frame.code)
          return
        }
        dispatch({ type: 'frame', frame })
        if (frame.type === 'welcome') resendUnanswered(ws)
        else if ((frame.type === 'result' || frame.type === 'error') && frame.actionId !== null && !delivery.isPending(frame.actionId)) {
          cancelResend(frame.actionId)
        }
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
        if (e.code === CLOSE_UNAUTHORIZED && e.reason !== INVALID_TICKET) {
          unauthorized()
          return
        }
        reconnectLater(`Connection lost${e.code ? ` (${e.code})` : ''}`)
      }
    }

    connect()
    return () => {
      disposed = true
      clearTimeout(retryTimer)
      clearInterval(pingTimer)
      resendTimers.forEach(clearTimeout)
      const ws = socketRef.current
      socketRef.current = null
      if (ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)) ws.close(1000, 'page closed')
    }
  }, [session.playerId, session.token, delivery])

  /** Sends an action; false when the socket is not open. */
  const send = useCallback(
    (text: string): boolean => {
      const ws = socketRef.current
      const trimmed = text.trim()
      if (!trimmed) return false
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        dispatch({ type: 'system', text: 'Not connected: the command was not sent.' })
        return false
      }
      const id = nextActionId()
      delivery.sent(id, trimmed)
      ws.send(JSON.stringify({ type: 'action', id, text: trimmed } satisfies ClientFrame))
      dispatch({ type: 'sent', actionId: id, text: trimmed })
      return true
    },
    [delivery],
  )

  return { state, connection, send }
}
