import { wsUrl } from '@/config/env'

/** `/ws/game/{playerId}?token=`: browsers cannot set headers on a WebSocket, hence the query parameter. */
export function gameSocketUrl(playerId: string, token: string): string {
  return wsUrl(`/ws/game/${encodeURIComponent(playerId)}?token=${encodeURIComponent(token)}`)
}

export const PING_INTERVAL_MS = 25_000

let counter = 0
/** Action ids are ours to choose (1–64 chars) and are echoed on every frame about the action. */
export function nextActionId(): string {
  counter = (counter + 1) % 1_000_000
  return `a${Date.now().toString(36)}-${counter}`
}
