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
