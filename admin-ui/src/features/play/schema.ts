import { z } from 'zod'
import { parseOrNull, textOrNull, uncheckedList } from '@/lib/schema'

/**
 * The player socket protocol (docs/API.md "Player socket"). The wire types are written out (they document the
 * protocol, and the client's own frames sit beside them); the zod schemas that read server frames are checked
 * against them with `satisfies`.
 */

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
  /** The game clock, the world event and the pause (docs/API.md, "The living world"); null from an older server. */
  now?: WorldNow | null
}

export interface WorldNow {
  day: number
  time: string | null
  night: boolean
  event: string | null
  eventName: string | null
  eventText: string | null
  paused: boolean
}

const worldNowSchema = z.object({
  day: z.number().catch(0),
  time: z.string().nullable().catch(null),
  night: z.boolean().catch(false),
  event: z.string().nullable().catch(null),
  eventName: z.string().nullable().catch(null),
  eventText: z.string().nullable().catch(null),
  paused: z.boolean().catch(false),
}) satisfies z.ZodType<WorldNow>

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
/** A 4401 about the ticket only (unknown, used, expired): a new ticket is fetched; the token may be fine. */
export const INVALID_TICKET = 'invalid_ticket'

/** Error codes that say "not now": the client resends the same action id after a backoff (docs/API.md). */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['busy', 'unavailable', 'overloaded', 'rate_limited'])

/** Lists the server may omit come back as empty arrays, so the UI never checks for undefined (elements unchecked). */
const locationSchema = z
  .object({
    id: z.string(),
    name: textOrNull,
    description: z.string().catch(''),
    exits: uncheckedList<ExitView>(),
    items: uncheckedList<ItemView>(),
    npcs: uncheckedList<NpcView>(),
    creatures: uncheckedList<CreatureView>(),
    players: uncheckedList<PlayerRef>(),
    now: worldNowSchema.nullable().catch(null),
  })
  .transform(({ name, ...location }) => ({ ...location, name: name ?? location.id })) satisfies z.ZodType<LocationView>

const playerSchema = z
  .object({
    id: z.string(),
    name: textOrNull,
    locationId: z.string().catch(''),
    hp: z.number().catch(0),
    maxHp: z.number().catch(0),
    inventory: uncheckedList<ItemView>(),
  })
  .transform(({ name, ...player }) => ({ ...player, name: name ?? player.id })) satisfies z.ZodType<PlayerView>

/** A sequence number: a whole number ≥ 0. */
const seqSchema = z.number().int().nonnegative()
/** Frames that may carry `seq`: a valid one is kept, else the property stays absent (the frame is never replayed). */
const optionalSeq = seqSchema.optional().catch(undefined)
const withSeq = <T extends { seq?: number | undefined }>({ seq, ...frame }: T) => (seq === undefined ? frame : { ...frame, seq })

const welcomeSchema = z.object({
  type: z.literal('welcome'),
  player: playerSchema,
  location: locationSchema,
  seq: seqSchema.nullable().catch(null),
  resume: z.enum(['ok', 'expired']).nullable().catch(null),
}) satisfies z.ZodType<WelcomeFrame>

const narrationSchema = z.object({ type: z.literal('narration'), actionId: z.string(), delta: z.string() }) satisfies z.ZodType<NarrationFrame>

const resultSchema = z
  .object({
    type: z.literal('result'),
    seq: optionalSeq,
    actionId: z.string(),
    text: z.string().catch(''),
    source: z.string().catch('rules'),
    player: playerSchema.nullable().catch(null),
    location: locationSchema.nullable().catch(null),
  })
  .transform(withSeq) satisfies z.ZodType<ResultFrame>

const eventSchema = z
  .object({
    type: z.literal('event'),
    seq: optionalSeq,
    kind: z.string().catch('event'),
    from: textOrNull,
    text: z.string(),
  })
  .transform(withSeq) satisfies z.ZodType<EventFrame>

const errorSchema = z
  .object({
    type: z.literal('error'),
    seq: optionalSeq,
    actionId: textOrNull,
    code: z.string().catch('internal'),
    message: z.string().catch('Something went wrong.'),
  })
  .transform(withSeq) satisfies z.ZodType<ErrorFrame>

const pongSchema = z.object({ type: z.literal('pong') }) satisfies z.ZodType<PongFrame>

const serverFrameSchema = z.union([welcomeSchema, narrationSchema, resultSchema, eventSchema, errorSchema, pongSchema])

/** Parses one text frame; null for anything that is not a known server frame. */
export function parseServerFrame(text: string): ServerFrame | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  return parseOrNull(serverFrameSchema, v)
}
