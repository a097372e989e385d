/** Admin player API (docs/API.md, Admin). Times are epoch ms. */
export interface LastAction { text: string; at: number }

export interface AdminPlayer {
  id: string
  name: string
  role: string
  online: boolean
  locationId: string | null
  locationName: string | null
  hp: number
  maxHp: number
  lastAction: LastAction | null
  actionsToday: number | null
  /** Epoch ms (or an ISO time) until which logins and tokens are refused; null (or absent) when not banned. */
  bannedUntil?: number | string | null
}

export interface PlayerPage { total: number; players: AdminPlayer[] }

export interface PlayerEvent {
  at: number
  locationId: string | null
  verb: string | null
  text: string
  success: boolean | null
  message: string | null
}

export interface AdminPlayerDetail extends AdminPlayer {
  inventory: Array<{ id: string; name: string }>
  createdAt: number | string | null
  recentEvents: PlayerEvent[]
}

/** A place an admin can move a player to. */
export interface MoveTarget { id: string; name: string }

export const PAGE_SIZE = 50

/** Ban lengths the panel offers, in minutes (`POST /api/admin/players/{id}/ban {"minutes","reason"}`). */
export const BAN_DURATIONS = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 24 * 60, label: '1 day' },
  { minutes: 7 * 24 * 60, label: '7 days' },
] as const

export const MAX_BAN_REASON = 200

/** Banned now: a ban that ran out counts as none, even before the next refresh says so. */
export function bannedUntil(player: Pick<AdminPlayer, 'bannedUntil'>, now: number): number | null {
  const until = player.bannedUntil
  if (until === null || until === undefined) return null
  const t = typeof until === 'number' ? until : new Date(until).getTime()
  return Number.isFinite(t) && t > now ? t : null
}
