import { wsUrl } from '@/config/env'

/**
 * `/ws/game/{playerId}?token=[&resume=<seq>]`: browsers cannot set headers on a WebSocket, hence the query
 * parameter. `resume` is the last sequence number seen: the server replays every frame after it.
 */
export function gameSocketUrl(playerId: string, token: string, resume: number | null = null): string {
  const base = `/ws/game/${encodeURIComponent(playerId)}?token=${encodeURIComponent(token)}`
  return wsUrl(resume === null ? base : `${base}&resume=${resume}`)
}

export const PING_INTERVAL_MS = 25_000

let counter = 0
/** Tells this page's ids from another tab's of the same player started in the same millisecond. */
const pageTag = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')
/**
 * Action ids are ours to choose (1–64 chars), echoed on every frame about the action, and the server's
 * idempotency key: an id is never applied twice for a player, so it must not repeat (time, page, counter).
 */
export function nextActionId(): string {
  counter = (counter + 1) % 1_000_000
  return `a${Date.now().toString(36)}${pageTag}-${counter}`
}
