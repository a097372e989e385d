/** The player socket protocol (docs/API.md "Player socket"). */

export interface ItemView { id: string; name: string }
export interface ExitView { direction: string; to: string; name: string; locked: boolean }
export interface NpcView { id: string; name: string; title: string | null }
export interface CreatureView { id: string; name: string; hp: number; maxHp: number; hostile: boolean }
export interface PlayerRef { id: string; name: string }

export interface PlayerView {
  id: string
  name: string
  locationId: string
  hp: number
  maxHp: number
  inventory: ItemView[]
}

export interface LocationView {
  id: string
  name: string
  description: string
  exits: ExitView[]
  items: ItemView[]
  npcs: NpcView[]
  creatures: CreatureView[]
  players: PlayerRef[]
}

/**
 * `seq`: the last sequence number the snapshot covers (null from a server without an outbox). `resume`: "ok" when
 * the socket resumed (the missed frames follow), "expired" when the gap was beyond retention (a fresh start).
 */
export interface WelcomeFrame { type: 'welcome'; player: PlayerView; location: LocationView; seq: number | null; resume: 'ok' | 'expired' | null }
export interface NarrationFrame { type: 'narration'; actionId: string; delta: string }
/** Frames the server keeps in the player's outbox carry `seq` (1, 2, 3 …); others have none and are never replayed. */
export interface ResultFrame {
  type: 'result'
  seq?: number
  actionId: string
  text: string
  source: 'llm' | 'rules' | 'cache' | string
  player: PlayerView | null
  location: LocationView | null
}
export interface EventFrame { type: 'event'; seq?: number; kind: string; from: string | null; text: string }
export interface ErrorFrame { type: 'error'; seq?: number; actionId: string | null; code: string; message: string }
export interface PongFrame { type: 'pong' }

export type ServerFrame = WelcomeFrame | NarrationFrame | ResultFrame | EventFrame | ErrorFrame | PongFrame

export interface ActionFrame { type: 'action'; id: string; text: string }
export interface PingFrame { type: 'ping' }
export type ClientFrame = ActionFrame | PingFrame

/** Close codes that change what the client does next (game-api CloseCodes). */
export const CLOSE_UNAUTHORIZED = 4401
export const CLOSE_KICKED = 4409

/** Error codes that say "not now": the client resends the same action id after a backoff (docs/API.md). */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['busy', 'unavailable', 'overloaded', 'rate_limited'])

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): v is string => typeof v === 'string'
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
/** `{seq}` when the frame has a valid one, else nothing (the property stays absent). */
const seqOf = (v: Record<string, unknown>): { seq?: number } => (isSeq(v.seq) ? { seq: v.seq } : {})

/** Lists the server may omit come back as empty arrays, so the UI never checks for undefined. */
export function normaliseLocation(v: unknown): LocationView | null {
  if (!isObject(v) || !str(v.id)) return null
  const list = <T,>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : [])
  return {
    id: v.id,
    name: str(v.name) ? v.name : v.id,
    description: str(v.description) ? v.description : '',
    exits: list<ExitView>(v.exits),
    items: list<ItemView>(v.items),
    npcs: list<NpcView>(v.npcs),
    creatures: list<CreatureView>(v.creatures),
    players: list<PlayerRef>(v.players),
  }
}

export function normalisePlayer(v: unknown): PlayerView | null {
  if (!isObject(v) || !str(v.id)) return null
  return {
    id: v.id,
    name: str(v.name) ? v.name : v.id,
    locationId: str(v.locationId) ? v.locationId : '',
    hp: typeof v.hp === 'number' ? v.hp : 0,
    maxHp: typeof v.maxHp === 'number' ? v.maxHp : 0,
    inventory: Array.isArray(v.inventory) ? (v.inventory as ItemView[]) : [],
  }
}

/** Parses one text frame; null for anything that is not a known server frame. */
export function parseServerFrame(text: string): ServerFrame | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(v) || !str(v.type)) return null
  switch (v.type) {
    case 'welcome': {
      const player = normalisePlayer(v.player)
      const location = normaliseLocation(v.location)
      const resume = v.resume === 'ok' || v.resume === 'expired' ? v.resume : null
      return player && location ? { type: 'welcome', player, location, seq: isSeq(v.seq) ? v.seq : null, resume } : null
    }
    case 'narration':
      return str(v.actionId) && str(v.delta) ? { type: 'narration', actionId: v.actionId, delta: v.delta } : null
    case 'result':
      return str(v.actionId)
        ? {
            type: 'result',
            ...seqOf(v),
            actionId: v.actionId,
            text: str(v.text) ? v.text : '',
            source: str(v.source) ? v.source : 'rules',
            player: normalisePlayer(v.player),
            location: normaliseLocation(v.location),
          }
        : null
    case 'event':
      return str(v.text) ? { type: 'event', ...seqOf(v), kind: str(v.kind) ? v.kind : 'event', from: str(v.from) ? v.from : null, text: v.text } : null
    case 'error':
      return {
        type: 'error',
        ...seqOf(v),
        actionId: str(v.actionId) ? v.actionId : null,
        code: str(v.code) ? v.code : 'internal',
        message: str(v.message) ? v.message : 'Something went wrong.',
      }
    case 'pong':
      return { type: 'pong' }
    default:
      return null
  }
}
