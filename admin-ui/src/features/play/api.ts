import { useQuery } from '@tanstack/react-query'
import { api, request } from '@/api/client'
import { wsUrl } from '@/config/env'

/**
 * `/ws/game/{playerId}?ticket=<ticket>[&resume=<seq>]`: browsers cannot set headers on a WebSocket, and a token in
 * a URL ends up in logs, so the socket opens with a single-use ticket fetched just before ({@link fetchSocketTicket}).
 * `resume` is the last sequence number seen: the server replays every frame after it.
 */
export function gameSocketUrl(playerId: string, ticket: string, resume: number | null = null): string {
  const base = `/ws/game/${encodeURIComponent(playerId)}?ticket=${encodeURIComponent(ticket)}`
  return wsUrl(resume === null ? base : `${base}&resume=${resume}`)
}

/**
 * `POST /api/auth/ticket` with the session's token: a ticket that opens one socket within 30 s. A 401 does not end
 * the session here: the socket hook decides (it may be an old token a password change just replaced).
 */
export async function fetchSocketTicket(): Promise<string> {
  const answer = await request<{ ticket: string; expiresInSeconds: number }>('/api/auth/ticket', { method: 'POST', endSessionOn401: false })
  return answer.ticket
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

/** One member of the caller's party as `GET /api/game/party` lists them: the leader first, then as they joined. */
export interface PartyMember {
  name: string
  location: string
  locationName: string
  online: boolean
  leader: boolean
}

export interface PartyView {
  members: PartyMember[]
  maxSize: number
}

/** `GET /api/game/party`: the caller's party (no members when in none). */
export function fetchParty(): Promise<PartyView> {
  return request<PartyView>('/api/game/party')
}

/**
 * `GET /api/game/help`: the command list the `help` command gives (game-words' HelpText), shown in the help panel,
 * so what can be done is written once, on the server. Asked only when the panel is opened, and kept.
 */
export function useHelpText(enabled: boolean) {
  return useQuery({
    queryKey: ['game', 'help'],
    queryFn: () => api.get<{ text: string }>('/api/game/help').then((answer) => answer.text),
    enabled,
    staleTime: Infinity,
  })
}
