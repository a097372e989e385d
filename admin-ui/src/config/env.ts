/** Runtime configuration served by the gateway at /env.js, so one bundle runs behind any host. */
export interface RuntimeConfig {
  /** Base of the HTTP API; empty = the page's own origin. */
  apiBase: string
  /** Base of the player socket (ws: or wss:); empty = the page's origin with ws:/wss:. */
  wsBase: string
  version: string
}

declare global {
  interface Window {
    __LANGOMNI__?: Partial<RuntimeConfig>
  }
}

const trimSlash = (s: string) => s.replace(/\/+$/, '')

export function runtimeConfig(): RuntimeConfig {
  const raw = typeof window === 'undefined' ? undefined : window.__LANGOMNI__
  return {
    apiBase: trimSlash(typeof raw?.apiBase === 'string' ? raw.apiBase : ''),
    wsBase: trimSlash(typeof raw?.wsBase === 'string' ? raw.wsBase : ''),
    version: typeof raw?.version === 'string' && raw.version ? raw.version : 'dev',
  }
}

/** Absolute or same-origin URL of an API path such as `/api/admin/stats`. */
export function apiUrl(path: string, config: RuntimeConfig = runtimeConfig()): string {
  return config.apiBase + path
}

/** URL of a socket path; without a configured wsBase, the page's own host with ws: or wss:. */
export function wsUrl(path: string, config: RuntimeConfig = runtimeConfig(), loc: Location = window.location): string {
  if (config.wsBase) return config.wsBase + path
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${loc.host}${path}`
}
