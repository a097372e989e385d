/** Error codes of `{"code","message"}` bodies and socket `error` frames (docs/API.md). */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'busy'
  | 'unavailable'
  | 'internal'

/** A failed HTTP call: status 0 when the request never got an answer. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode | string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return 'bad_request'
    case 401: return 'unauthorized'
    case 403: return 'forbidden'
    case 404: return 'not_found'
    case 409: return 'conflict'
    case 413: return 'too_large'
    case 429: return 'rate_limited'
    case 502:
    case 503:
    case 504: return 'unavailable'
    default: return status === 0 ? 'unavailable' : 'internal'
  }
}

/** Builds the ApiError for a non-2xx answer, from its `{"code","message"}` body when there is one. */
export function errorFromBody(status: number, body: string, statusText = ''): ApiError {
  try {
    const json = JSON.parse(body) as { code?: unknown; message?: unknown }
    if (json && typeof json === 'object' && typeof json.code === 'string') {
      const message = typeof json.message === 'string' && json.message ? json.message : json.code
      return new ApiError(status, json.code, message)
    }
  } catch {
    // not JSON: a proxy's HTML page or an empty body
  }
  const fallback = statusText || `HTTP ${status}`
  return new ApiError(status, codeForStatus(status), fallback)
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}
