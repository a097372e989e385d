/**
 * The signed-in account, kept in sessionStorage (`langomni.session`) so two tabs can be two players.
 * A tiny external store: React reads it with useSyncExternalStore, plain modules with getSession().
 */
export type Role = 'player' | 'admin'

export interface Session {
  token: string
  playerId: string
  name: string
  role: Role
}

export const SESSION_KEY = 'langomni.session'

type Listener = () => void
const listeners = new Set<Listener>()
let cached: { raw: string | null; value: Session | null } = { raw: null, value: null }

function parse(raw: string | null): Session | null {
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<Session>
    if (typeof v.token !== 'string' || typeof v.playerId !== 'string' || typeof v.name !== 'string') return null
    return { token: v.token, playerId: v.playerId, name: v.name, role: v.role === 'admin' ? 'admin' : 'player' }
  } catch {
    return null
  }
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage
  } catch {
    return null
  }
}

export function getSession(): Session | null {
  const raw = storage()?.getItem(SESSION_KEY) ?? null
  // Same snapshot object while the stored text is unchanged, as useSyncExternalStore requires.
  if (raw !== cached.raw) cached = { raw, value: parse(raw) }
  return cached.value
}

export function setSession(session: Session | null): void {
  const s = storage()
  if (session) s?.setItem(SESSION_KEY, JSON.stringify(session))
  else s?.removeItem(SESSION_KEY)
  listeners.forEach((l) => l())
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const isAdmin = (s: Session | null): boolean => s?.role === 'admin'
