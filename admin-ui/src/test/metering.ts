import type { Metering, PlayerBudget } from '@/features/metering'

/** Sample `GET /api/admin/metering` and budget entries (the wire shape, docs/API.md). */
export const budgetEntry = (over: Partial<PlayerBudget> = {}): PlayerBudget => ({
  playerId: 'p-ada',
  name: 'Ada',
  tokensThisHour: 900,
  tokensToday: 4000,
  costThisHour: 0.0008,
  costToday: 0.0035,
  budgetPerHour: 150_000,
  budgetPerDay: 1_000_000,
  custom: false,
  overBudget: false,
  ...over,
})

export const metering = (over: Partial<Metering> = {}): Metering => ({
  currency: 'USD',
  hour: '2026-12-07T10:00:00Z',
  prices: { world: 0.00088, npc: 0.00018, importance: 0.00018 },
  world: { promptTokens: 1200, completionTokens: 300, tokens: 1500, cost: 0.00132, budgetPerHour: 500_000, overBudget: false },
  roles: { world: { tokens: 1500, cost: 0.00132 }, npc: { tokens: 0, cost: 0 }, importance: { tokens: 0, cost: 0 } },
  playersThisHour: 12,
  costPerPlayerHour: 0.0123,
  players: [
    budgetEntry({ playerId: 'p-bram', name: 'Bram', tokensThisHour: 160_000, costThisHour: 0.14, costToday: 0.2, overBudget: true }),
    budgetEntry(),
  ],
  ...over,
})
