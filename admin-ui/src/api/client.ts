import { apiUrl } from '@/config/env'
import { ApiError, errorFromBody } from './errors'
import { getSession, setSession } from './session'

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Sent as JSON. */
  body?: unknown
  query?: Query
  signal?: AbortSignal
  /** Adds the session's bearer token (default true); a 401 then ends the session. */
  auth?: boolean
  /**
   * With `auth`, a 401 still ends the session unless this is false: for calls where 401 means something else
   * (a wrong current password) or where the caller ends the session itself (logout).
   */
  endSessionOn401?: boolean
}

type UnauthorizedHandler = () => void

const goToLogin: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login')
}
let unauthorizedHandler: UnauthorizedHandler = goToLogin

/** The app installs a router-aware handler; the default reloads /login. Returns the uninstaller. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = goToLogin
  }
}

/** The token was refused: forget it and send the user to the login page. */
export function sessionExpired(): void {
  setSession(null)
  unauthorizedHandler()
}

export function authHeaders(): Record<string, string> {
  const token = getSession()?.token
  return token ? { Authorization: `Bearer ${token}` } : {}
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/** One JSON call to the API: typed result, ApiError on anything but 2xx (status 0 when unreachable). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, auth = true, endSessionOn401 = true } = options
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (auth) Object.assign(headers, authHeaders())

  let response: Response
  try {
    response = await fetch(apiUrl(withQuery(path, query)), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'unavailable', 'The server cannot be reached.')
  }

  if (!response.ok) {
    const text = await response.text().catch(() => '')
    const error = errorFromBody(response.status, text, response.statusText)
    if (response.status === 401 && auth && endSessionOn401 && headers.Authorization) sessionExpired()
    throw error
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError(response.status, 'internal', 'The server sent an unreadable answer.')
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  del: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
}
