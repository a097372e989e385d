/**
 * LLM token metering and budgets (docs/API.md, Admin): `GET /api/admin/metering`,
 * `GET|PUT /api/admin/players/{id}/budget`, `POST /api/admin/players/{id}/budget/reset`,
 * `PUT /api/admin/metering/world-budget`. Costs are in `currency`; a budget of 0 means none.
 * A figure the server does not send is null (shown as a dash), never 0.
 */
export interface RoleUse { tokens: number | null; cost: number | null }

export interface WorldUse {
  promptTokens: number | null
  completionTokens: number | null
  tokens: number | null
  cost: number | null
  /** Tokens per hour for all players together; 0 = no world budget. */
  budgetPerHour: number
  overBudget: boolean
}

export interface PlayerBudget {
  playerId: string
  name: string
  tokensThisHour: number
  tokensToday: number
  costThisHour: number
  costToday: number
  /** Tokens; 0 = none. */
  budgetPerHour: number
  budgetPerDay: number
  /** true when the admin set this player's budget, false when the defaults apply. */
  custom: boolean
  overBudget: boolean
}

export interface Metering {
  currency: string
  /** Start of the current UTC hour the figures cover (ISO-8601), null if not sent. */
  hour: string | null
  /** Price per 1k tokens per backend role. */
  prices: Record<string, number>
  world: WorldUse
  roles: Record<string, RoleUse>
  playersThisHour: number | null
  costPerPlayerHour: number | null
  /** Players who spent this hour, most first, at most {@link METERING_PLAYER_LIMIT}. */
  players: PlayerBudget[]
}

/** The metering list stops at this many players; past it, a missing player is not known to be at zero. */
export const METERING_PLAYER_LIMIT = 100

/** `PUT /api/admin/players/{id}/budget`: a null field goes back to the default. */
export interface BudgetChange { perHour: number | null; perDay: number | null }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const count = (v: unknown): number => num(v) ?? 0

function numbers(v: unknown): Record<string, number> {
  if (!isObject(v)) return {}
  const out: Record<string, number> = {}
  for (const [k, x] of Object.entries(v)) {
    const n = num(x)
    if (n !== null) out[k] = n
  }
  return out
}

export class MeteringShapeError extends Error {
  constructor(what: string) {
    super(`The server sent no ${what}.`)
    this.name = 'MeteringShapeError'
  }
}

export function normaliseWorld(v: unknown): WorldUse {
  if (!isObject(v)) throw new MeteringShapeError('world metering figures')
  return {
    promptTokens: num(v.promptTokens),
    completionTokens: num(v.completionTokens),
    tokens: num(v.tokens),
    cost: num(v.cost),
    budgetPerHour: count(v.budgetPerHour),
    overBudget: v.overBudget === true,
  }
}

export function normaliseBudget(v: unknown): PlayerBudget {
  if (!isObject(v) || typeof v.playerId !== 'string') throw new MeteringShapeError('player budget')
  return {
    playerId: v.playerId,
    name: typeof v.name === 'string' ? v.name : v.playerId,
    tokensThisHour: count(v.tokensThisHour),
    tokensToday: count(v.tokensToday),
    costThisHour: count(v.costThisHour),
    costToday: count(v.costToday),
    budgetPerHour: count(v.budgetPerHour),
    budgetPerDay: count(v.budgetPerDay),
    custom: v.custom === true,
    overBudget: v.overBudget === true,
  }
}

/** Checks the shape of `GET /api/admin/metering`; lists and maps the server omits come back empty. */
export function normaliseMetering(v: unknown): Metering {
  if (!isObject(v) || !isObject(v.world)) throw new MeteringShapeError('metering figures')
  const roles: Record<string, RoleUse> = {}
  if (isObject(v.roles)) {
    for (const [role, use] of Object.entries(v.roles)) {
      if (isObject(use)) roles[role] = { tokens: num(use.tokens), cost: num(use.cost) }
    }
  }
  const players = Array.isArray(v.players)
    ? v.players.filter((p) => isObject(p) && typeof p.playerId === 'string').map(normaliseBudget)
    : []
  return {
    currency: typeof v.currency === 'string' && v.currency ? v.currency : 'USD',
    hour: typeof v.hour === 'string' ? v.hour : null,
    prices: numbers(v.prices),
    world: normaliseWorld(v.world),
    roles,
    playersThisHour: num(v.playersThisHour),
    costPerPlayerHour: num(v.costPerPlayerHour),
    players,
  }
}

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
