import { z } from 'zod'
import { count, figure, flag, listOf, mapOf, numberMap } from '@/lib/schema'

/**
 * LLM token metering and budgets (docs/API.md, Admin): `GET /api/admin/metering`,
 * `GET|PUT /api/admin/players/{id}/budget`, `POST /api/admin/players/{id}/budget/reset`,
 * `PUT /api/admin/metering/world-budget`. Costs are in `currency`; a budget of 0 means none.
 * A figure the server does not send is null (shown as a dash), never 0.
 */
const roleUseSchema = z.object({ tokens: figure, cost: figure })
export type RoleUse = z.infer<typeof roleUseSchema>

const worldUseSchema = z.object({
  promptTokens: figure,
  completionTokens: figure,
  tokens: figure,
  cost: figure,
  /** Tokens per hour for all players together; 0 = no world budget. */
  budgetPerHour: count,
  overBudget: flag,
})
export type WorldUse = z.infer<typeof worldUseSchema>

const playerBudgetSchema = z
  .object({
    playerId: z.string(),
    /** The player's id when the server sends no name. */
    name: z.string().optional().catch(undefined),
    tokensThisHour: count,
    tokensToday: count,
    costThisHour: count,
    costToday: count,
    /** Tokens; 0 = none. */
    budgetPerHour: count,
    budgetPerDay: count,
    /** true when the admin set this player's budget, false when the defaults apply. */
    custom: flag,
    overBudget: flag,
  })
  .transform(({ name, ...budget }) => ({ ...budget, name: name ?? budget.playerId }))
export type PlayerBudget = z.infer<typeof playerBudgetSchema>

const meteringSchema = z.object({
  currency: z.string().min(1).catch('USD'),
  /** Start of the current UTC hour the figures cover (ISO-8601), null if not sent. */
  hour: z.string().nullable().catch(null),
  /** Price per 1k tokens per backend role. */
  prices: numberMap.catch({}),
  world: worldUseSchema,
  /** Use per backend role; roles whose use is not an object are dropped. */
  roles: mapOf(roleUseSchema).catch({}),
  playersThisHour: figure,
  costPerPlayerHour: figure,
  /** Players who spent this hour, most first, at most {@link METERING_PLAYER_LIMIT}; entries without a playerId are dropped. */
  players: listOf(playerBudgetSchema).catch([]),
})
export type Metering = z.infer<typeof meteringSchema>

/** The metering list stops at this many players; past it, a missing player is not known to be at zero. */
export const METERING_PLAYER_LIMIT = 100

/** `PUT /api/admin/players/{id}/budget`: a null field goes back to the default. */
export interface BudgetChange { perHour: number | null; perDay: number | null }

export class MeteringShapeError extends Error {
  constructor(what: string) {
    super(`The server sent no ${what}.`)
    this.name = 'MeteringShapeError'
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, v: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(v)
  if (!parsed.success) throw new MeteringShapeError(what)
  return parsed.data
}

export const normaliseWorld = (v: unknown): WorldUse => parseOrThrow(worldUseSchema, v, 'world metering figures')

export const normaliseBudget = (v: unknown): PlayerBudget => parseOrThrow(playerBudgetSchema, v, 'player budget')

/** Checks the shape of `GET /api/admin/metering`; lists and maps the server omits come back empty. */
export const normaliseMetering = (v: unknown): Metering => parseOrThrow(meteringSchema, v, 'metering figures')

/**
 * The text of a budget field: "" (the default) or a whole number of tokens ≥ 0.
 * Returns the value to send, or an error message.
 */
export function parseBudgetField(text: string): { value: number | null } | { error: string } {
  const t = text.trim().replace(/[,_\s]/g, '')
  if (t === '') return { value: null }
  if (!/^-?\d+$/.test(t)) return { error: 'a whole number of tokens' }
  const n = Number(t)
  if (n < 0) return { error: 'not below 0' }
  if (!Number.isSafeInteger(n)) return { error: 'too large' }
  return { value: n }
}
