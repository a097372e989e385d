import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DashboardPage } from '@/features/dashboard'
import { AdminStreamProvider } from '@/features/live'
import { stats } from '@/test/fixtures'
import { metering } from '@/test/metering'
import { json, renderPage, signIn, sseResponse, stubFetch, type FetchCall } from '@/test/utils'
import { CostCard } from '.'
import { normaliseMetering, parseBudgetField } from './schema'

function meteringApi(body: unknown = metering(), extra: (c: FetchCall) => Response | undefined = () => undefined) {
  return stubFetch((c) => extra(c) ?? (c.url === '/api/admin/metering' && c.method === 'GET' ? json(body) : undefined))
}

describe('CostCard', () => {
  it('shows cost per player-hour with its currency, the world this hour, its budget, who is over and each role', async () => {
    signIn('admin')
    const fetch = meteringApi()
    renderPage(<CostCard />, '/admin')
    const perPlayerHour = await screen.findByTestId('cost-per-player-hour')
    expect(screen.getByTestId('cost-per-player-hour-value')).toHaveTextContent('$0.0123')
    expect(perPlayerHour).toHaveTextContent('USD per player-hour · 12 players this hour')
    expect(perPlayerHour).toHaveAttribute('data-currency', 'USD')
    expect(screen.getByTestId('cost-world')).toHaveTextContent('$0.0013')
    expect(screen.getByTestId('cost-world')).toHaveTextContent('1,500 tokens · 1,200 prompt · 300 completion')
    expect(screen.getByTestId('cost-world-budget')).toHaveTextContent('1,500 of 500,000 tokens')
    expect(screen.getByTestId('llm-cost')).toHaveTextContent('since 10:00 UTC')
    const over = screen.getByTestId('cost-over-budget')
    expect(over).toHaveTextContent('1')
    expect(within(over).getByRole('link', { name: 'Bram' })).toHaveAttribute('href', '/admin/players/p-bram')
    expect(screen.getByTestId('cost-role-world')).toHaveTextContent('$0.00088')
    expect(screen.getByTestId('cost-role-world')).toHaveTextContent('1,500')
    expect(screen.getByTestId('cost-role-npc')).toHaveTextContent('$0.00')
    expect(fetch.requests[0]?.headers.authorization).toBe('Bearer token-of-admin')
  })

  it('says when the world has no budget and nobody is over', async () => {
    signIn('admin')
    meteringApi(metering({ world: { promptTokens: 0, completionTokens: 0, tokens: 0, cost: 0, budgetPerHour: 0, overBudget: false }, players: [], costPerPlayerHour: 0 }))
    renderPage(<CostCard />, '/admin')
    expect(await screen.findByTestId('cost-world-budget')).toHaveTextContent('0 tokens · no budget')
    expect(screen.getByTestId('cost-per-player-hour-value')).toHaveTextContent('$0.00')
    expect(screen.getByTestId('cost-over-budget')).toHaveTextContent('0')
  })

  it('marks the world over budget', async () => {
    signIn('admin')
    meteringApi(metering({ world: { promptTokens: 0, completionTokens: 0, tokens: 600_000, cost: 0.5, budgetPerHour: 500_000, overBudget: true } }))
    renderPage(<CostCard />, '/admin')
    expect(await screen.findByTestId('cost-world-budget')).toHaveTextContent('over budget')
    expect(screen.getByTestId('cost-world-budget')).toHaveTextContent('600,000 of 500,000 tokens')
  })

  it('says an orchestrator without metering does not meter, without an error', async () => {
    signIn('admin')
    stubFetch(() => undefined) // every call answers 404
    renderPage(<CostCard />, '/admin')
    expect(await screen.findByTestId('llm-cost-unavailable')).toHaveTextContent('does not meter LLM tokens')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows the error when the metering endpoint fails', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'unavailable', message: 'Redis is down' }, 503))
    renderPage(<CostCard />, '/admin')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('LLM cost could not be loaded')
    expect(alert).toHaveTextContent('Redis is down')
  })

  it('treats an answer without the metering figures as an error', async () => {
    signIn('admin')
    meteringApi({ hello: 'world' })
    renderPage(<CostCard />, '/admin')
    expect(await screen.findByRole('alert')).toHaveTextContent('The server sent no metering figures.')
  })

  it('sets the world budget and shows the new one', async () => {
    signIn('admin')
    let current = metering()
    const fetch = meteringApi(undefined, (c) => {
      if (c.url === '/api/admin/metering') return json(current)
      if (c.url === '/api/admin/metering/world-budget' && c.method === 'PUT') {
        current = metering({ world: { ...current.world, budgetPerHour: (c.body as { perHour: number }).perHour } })
        return json(current.world)
      }
      return undefined
    })
    renderPage(<CostCard />, '/admin')
    const user = userEvent.setup()
    await user.type(await screen.findByTestId('world-budget-input'), '2,000,000')
    await user.click(screen.getByTestId('world-budget-save'))
    expect(await screen.findByTestId('toast')).toHaveTextContent('World budget set to 2,000,000 tokens per hour.')
    expect(fetch.requests.find((r) => r.method === 'PUT')?.body).toEqual({ perHour: 2_000_000 })
    await waitFor(() => expect(screen.getByTestId('cost-world-budget')).toHaveTextContent('1,500 of 2,000,000 tokens'))
    expect(screen.getByTestId('world-budget-input')).toHaveValue('')
  })

  it('refuses a negative or empty world budget before sending, and shows a 400 from the server', async () => {
    signIn('admin')
    const fetch = meteringApi(undefined, (c) =>
      c.url === '/api/admin/metering/world-budget' ? json({ code: 'bad_request', message: 'perHour must not be negative' }, 400) : undefined,
    )
    renderPage(<CostCard />, '/admin')
    const user = userEvent.setup()
    const input = await screen.findByTestId('world-budget-input')
    await user.click(screen.getByTestId('world-budget-save'))
    expect(screen.getByTestId('world-budget-error')).toHaveTextContent('Enter tokens per hour')
    await user.type(input, '-5')
    await user.click(screen.getByTestId('world-budget-save'))
    expect(screen.getByTestId('world-budget-error')).toHaveTextContent('The world budget must be not below 0.')
    expect(fetch.requests.some((r) => r.method === 'PUT')).toBe(false)
    await user.clear(input)
    await user.type(input, '7')
    await user.click(screen.getByTestId('world-budget-save'))
    await waitFor(() => expect(screen.getByTestId('world-budget-error')).toHaveTextContent('perHour must not be negative'))
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument()
  })
})

describe('DashboardPage with metering', () => {
  const stream = (c: FetchCall) => (c.url === '/api/admin/stream' ? sseResponse([`event: stats\ndata: ${JSON.stringify(stats())}\n\n`], c.signal) : undefined)
  const dashboard = () =>
    renderPage(
      <AdminStreamProvider>
        <DashboardPage />
      </AdminStreamProvider>,
      '/admin',
    )

  it('shows the LLM cost card next to the live figures', async () => {
    signIn('admin')
    stubFetch((c) => stream(c) ?? (c.url === '/api/admin/metering' ? json(metering()) : undefined))
    dashboard()
    expect(await screen.findByTestId('stat-players-online')).toHaveTextContent('3')
    expect(await screen.findByTestId('cost-per-player-hour-value')).toHaveTextContent('$0.0123')
  })

  it('keeps working when the metering endpoint fails', async () => {
    signIn('admin')
    stubFetch((c) => stream(c) ?? (c.url === '/api/admin/metering' ? json({ code: 'internal', message: 'boom' }, 500) : undefined))
    dashboard()
    expect(await screen.findByTestId('stat-players-online')).toHaveTextContent('3')
    expect(await screen.findByRole('alert')).toHaveTextContent('LLM cost could not be loaded')
    expect(screen.getByTestId('live-indicator')).toHaveTextContent('live')
  })
})

describe('metering schema', () => {
  it('fills what the server omits and keeps unknown figures unknown', () => {
    const m = normaliseMetering({ world: { tokens: 10 }, players: [{ playerId: 'p1' }, { name: 'no id' }] })
    expect(m.currency).toBe('USD')
    expect(m.costPerPlayerHour).toBeNull()
    expect(m.world).toEqual({ promptTokens: null, completionTokens: null, tokens: 10, cost: null, budgetPerHour: 0, overBudget: false })
    expect(m.roles).toEqual({})
    expect(m.players).toHaveLength(1)
    expect(m.players[0]).toMatchObject({ playerId: 'p1', name: 'p1', costThisHour: 0, overBudget: false, custom: false })
    expect(() => normaliseMetering('<html>')).toThrow('no metering figures')
  })

  it('parses budget fields: empty is the default, whole tokens only, never negative', () => {
    expect(parseBudgetField('')).toEqual({ value: null })
    expect(parseBudgetField(' 300,000 ')).toEqual({ value: 300_000 })
    expect(parseBudgetField('0')).toEqual({ value: 0 })
    expect(parseBudgetField('-1')).toEqual({ error: 'not below 0' })
    expect(parseBudgetField('1.5')).toEqual({ error: 'a whole number of tokens' })
    expect(parseBudgetField('lots')).toEqual({ error: 'a whole number of tokens' })
  })
})
