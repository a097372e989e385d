import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { vi, type Mock } from 'vitest'
import { setSession, type Role } from '@/api/session'
import { ToastProvider } from '@/components/ui/toast'

export function signIn(role: Role = 'admin', name = role === 'admin' ? 'admin' : 'Ada', playerId = `${name}-id`) {
  setSession({ token: `token-of-${name}`, playerId, name, role })
}

export function json(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

export interface FetchCall { url: string; method: string; headers: Record<string, string>; body: unknown; signal: AbortSignal | null }

type Handler = (call: FetchCall) => Response | Promise<Response> | undefined

/** The socket ticket a stubbed `POST /api/auth/ticket` answers for a bearer token: `ticket-of-<token>`. */
export const ticketOf = (token: string) => `ticket-of-${token}`

/**
 * Replaces global fetch with a router over `handler`; an unhandled call answers 404 so a test sees it, but for
 * `POST /api/auth/ticket`, which answers {@link ticketOf} the bearer token unless `handler` answers it.
 * Returns the mock: `requests` tell what the page asked for, socket tickets apart (in `tickets`).
 */
export function stubFetch(handler: Handler): Mock & { requests: FetchCall[]; tickets: FetchCall[] } {
  const requests: FetchCall[] = []
  const tickets: FetchCall[] = []
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url
    const headers: Record<string, string> = {}
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v))
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    const call = { url, method: (init?.method ?? 'GET').toUpperCase(), headers, body, signal: init?.signal ?? null }
    const ticket = url.endsWith('/api/auth/ticket') && call.method === 'POST'
    ;(ticket ? tickets : requests).push(call)
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const answer = await handler(call)
    if (!answer && ticket) {
      const token = (headers.authorization ?? '').replace(/^Bearer /, '')
      return json({ ticket: ticketOf(token), expiresInSeconds: 30 })
    }
    return answer ?? json({ code: 'not_found', message: `no stub for ${call.method} ${url}` }, 404)
  })
  vi.stubGlobal('fetch', mock)
  return Object.assign(mock, { requests, tickets })
}

/** A `text/event-stream` answer that sends `chunks` and then stays open until the request is aborted. */
export function sseResponse(chunks: string[], signal?: AbortSignal | null, close = false): Response {
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c))
      if (close) controller.close()
      signal?.addEventListener('abort', () => {
        try {
          controller.error(new DOMException('aborted', 'AbortError'))
        } catch {
          // already closed
        }
      })
    },
  })
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } })
}

/** Renders routes in a memory router with react-query and toasts, starting at `path`. */
export function renderRoutes(routes: RouteObject[], path: string) {
  const queryClient = testQueryClient()
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  )
  return { ...view, router, queryClient }
}

/** One page at `path` matched by `pattern`, with a catch-all that shows where a redirect went. */
export function renderPage(element: ReactElement, path: string, pattern = path) {
  return renderRoutes(
    [
      { path: pattern, element },
      { path: '*', element: <p data-testid="elsewhere">elsewhere</p> },
    ],
    path,
  )
}

/** A controllable stand-in for the browser WebSocket. */
export class FakeWebSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static instances: FakeWebSocket[] = []

  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  sent: string[] = []
  onopen: ((e: Event) => void) | null = null
  onmessage: ((e: MessageEvent) => void) | null = null
  onclose: ((e: CloseEvent) => void) | null = null
  onerror: ((e: Event) => void) | null = null

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this)
  }

  static install() {
    FakeWebSocket.instances = []
    vi.stubGlobal('WebSocket', FakeWebSocket)
  }

  static last(): FakeWebSocket {
    const ws = FakeWebSocket.instances.at(-1)
    if (!ws) throw new Error('no socket opened')
    return ws
  }

  send(data: string) {
    this.sent.push(data)
  }

  close(code = 1000, reason = '') {
    if (this.readyState === 3) return
    this.readyState = 3
    this.onclose?.({ code, reason, wasClean: true } as CloseEvent)
  }

  // test side
  open() {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }

  receive(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) } as MessageEvent)
  }

  serverClose(code: number, reason = '') {
    this.readyState = 3
    this.onclose?.({ code, reason, wasClean: true } as CloseEvent)
  }

  sentFrames(): Array<Record<string, unknown>> {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>)
  }
}
