import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { budgetEntry, metering } from '@/test/metering'
import { json, renderPage, signIn, stubFetch, type FetchCall } from '@/test/utils'
import { PlayerDetailPage, PlayersPage } from '.'
import type { AdminPlayer, AdminPlayerDetail } from './schema'

const player = (name: string, over: Partial<AdminPlayer> = {}): AdminPlayer => ({
  id: `p-${name.toLowerCase()}`,
  name,
  role: 'player',
  online: false,
  locationId: 'square',
  locationName: 'Village Square',
  hp: 10,
  maxHp: 10,
  lastAction: null,
  actionsToday: 0,
  ...over,
})

const everyone = [
  player('Ada', { online: true, hp: 4, lastAction: { text: 'go north', at: Date.now() - 42_000 }, actionsToday: 17 }),
  player('Bram', { locationId: 'inn', locationName: 'The Inn' }),
  player('Cleo'),
]

function playersApi(call: FetchCall) {
  const url = new URL(call.url, 'http://x')
  if (url.pathname !== '/api/admin/players') return undefined
  const q = (url.searchParams.get('q') ?? '').toLowerCase()
  const hits = everyone.filter((p) => p.name.toLowerCase().includes(q))
  return json({ total: hits.length, players: hits })
}

describe('PlayersPage', () => {
  it('lists players with their state', async () => {
    signIn('admin')
    stubFetch(playersApi)
    renderPage(<PlayersPage />, '/admin/players')
    const ada = await screen.findByTestId('player-row-Ada')
    expect(ada).toHaveTextContent('online')
    expect(ada).toHaveTextContent('Village Square')
    expect(ada).toHaveTextContent('4/10')
    expect(ada).toHaveTextContent('go north')
    expect(ada).toHaveTextContent('42 s ago')
    expect(ada).toHaveTextContent('17')
    expect(screen.getByTestId('player-row-Bram')).toHaveTextContent('offline')
    expect(screen.getByTestId('player-row-Bram')).toHaveTextContent('The Inn')
    expect(screen.getByText('3 players')).toBeInTheDocument()
  })

  it('filters by name through the API', async () => {
    signIn('admin')
    const fetch = stubFetch(playersApi)
    renderPage(<PlayersPage />, '/admin/players')
    await screen.findByTestId('player-row-Cleo')
    await userEvent.setup().type(screen.getByTestId('players-search'), 'br')
    await waitFor(() => expect(screen.queryByTestId('player-row-Ada')).not.toBeInTheDocument())
    expect(screen.getByTestId('player-row-Bram')).toBeInTheDocument()
    expect(screen.queryByTestId('player-row-Cleo')).not.toBeInTheDocument()
    expect(fetch.requests.some((r) => r.url === '/api/admin/players?q=br&limit=50&offset=0')).toBe(true)
  })

  it('opens a player on click', async () => {
    signIn('admin')
    stubFetch(playersApi)
    const { router } = renderPage(<PlayersPage />, '/admin/players')
    await userEvent.setup().click(await screen.findByTestId('player-row-Bram'))
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/players/p-bram'))
  })

  it('marks a banned player, not one whose ban ran out', async () => {
    signIn('admin')
    const now = Date.now()
    stubFetch((c) =>
      new URL(c.url, 'http://x').pathname === '/api/admin/players'
        ? json({ total: 3, players: [player('Ada', { bannedUntil: now + 3_600_000 }), player('Bram', { bannedUntil: now - 1000 }), player('Cleo', { bannedUntil: null })] })
        : undefined,
    )
    renderPage(<PlayersPage />, '/admin/players')
    expect(await screen.findByTestId('banned-Ada')).toHaveTextContent('banned')
    expect(screen.getByTestId('banned-Ada')).toHaveAttribute('title', expect.stringMatching(/^banned until \d{2} \w{3} \d{4}/))
    expect(screen.queryByTestId('banned-Bram')).not.toBeInTheDocument()
    expect(screen.queryByTestId('banned-Cleo')).not.toBeInTheDocument()
  })

  it('says when the list cannot be loaded', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'unavailable', message: 'The orchestrator is down' }, 502))
    renderPage(<PlayersPage />, '/admin/players')
    expect(await screen.findByRole('alert')).toHaveTextContent('The orchestrator is down')
  })
})

const ada: AdminPlayerDetail = {
  ...everyone[0]!,
  inventory: [{ id: 'walking-stick', name: 'walking stick' }],
  createdAt: 1_764_000_000_000,
  recentEvents: [
    { at: 1_764_070_000_000, locationId: 'square', verb: 'go', text: 'go north', success: false, message: 'The gate is locked.' },
    { at: 1_764_069_000_000, locationId: 'square', verb: 'look', text: 'look', success: true, message: 'You see a well.' },
  ],
}

const world: Record<string, unknown> = {
  square: { id: 'square', name: 'Village Square', exits: [{ direction: 'north', to: 'north-gate', name: 'North Gate', locked: false }] },
  'north-gate': { id: 'north-gate', name: 'North Gate', exits: [{ direction: 'south', to: 'square', name: 'Village Square', locked: false }] },
}

function detailApi(overrides: (call: FetchCall) => Response | undefined = () => undefined) {
  return stubFetch((call) => {
    const answer = overrides(call)
    if (answer) return answer
    if (call.url === '/api/admin/players/p-ada' && call.method === 'GET') return json(ada)
    if (call.url.startsWith('/api/game/world/')) {
      const loc = world[decodeURIComponent(call.url.slice('/api/game/world/'.length))]
      return loc ? json(loc) : json({ code: 'not_found', message: 'no' }, 404)
    }
    if (call.url === '/api/admin/npcs') return json([{ id: 'mara', name: 'Mara', title: 'innkeeper', locationId: 'inn', locationName: 'The Inn', conversations: 0, memories: 3 }])
    return undefined
  })
}

describe('PlayerDetailPage', () => {
  const open = () => renderPage(<PlayerDetailPage />, '/admin/players/p-ada', '/admin/players/:id')

  it('shows the player and recent events', async () => {
    signIn('admin')
    detailApi()
    open()
    const detail = await screen.findByTestId('player-detail')
    expect(detail).toHaveTextContent('Ada')
    expect(detail).toHaveTextContent('online')
    expect(detail).toHaveTextContent('walking stick')
    expect(detail).toHaveTextContent('The gate is locked.') // recent events are part of the detail
    const events = screen.getAllByTestId('player-event')
    expect(events).toHaveLength(2)
    expect(events[0]).toHaveTextContent('The gate is locked.')
  })

  it('kicks after confirmation and says so', async () => {
    signIn('admin')
    const fetch = detailApi((c) => (c.url === '/api/admin/players/p-ada/kick' ? json({ kicked: true }) : undefined))
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('player-kick'))
    expect(screen.getByRole('dialog')).toHaveTextContent('Kick Ada?')
    expect(fetch.requests.some((r) => r.url.endsWith('/kick'))).toBe(false)
    await user.click(screen.getByTestId('confirm-ok'))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Ada was kicked.')
    expect(fetch.requests.find((r) => r.url.endsWith('/kick'))?.method).toBe('POST')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('cancelling a confirmation sends nothing', async () => {
    signIn('admin')
    const fetch = detailApi()
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('player-reset-hp'))
    await user.click(screen.getByTestId('confirm-cancel'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(fetch.requests.every((r) => r.method === 'GET')).toBe(true)
  })

  it('moves the player to a location found by walking the world', async () => {
    signIn('admin')
    const fetch = detailApi((c) =>
      c.url === '/api/admin/players/p-ada/move' ? json({ ...ada, locationId: 'north-gate', locationName: 'North Gate' }) : undefined,
    )
    open()
    const user = userEvent.setup()
    const select = await screen.findByTestId('player-move-select')
    await waitFor(() => expect(within(select).getByRole('option', { name: 'North Gate' })).toBeInTheDocument())
    // the NPCs' locations are offered too, and the current one cannot be chosen
    expect(within(select).getByRole('option', { name: 'The Inn' })).toBeInTheDocument()
    expect(within(select).getByRole('option', { name: 'Village Square (here)' })).toBeDisabled()
    expect(screen.getByTestId('player-move-submit')).toBeDisabled()
    await user.selectOptions(select, 'north-gate')
    await user.click(screen.getByTestId('player-move-submit'))
    await user.click(screen.getByTestId('confirm-ok'))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Ada was moved to North Gate.')
    expect(fetch.requests.find((r) => r.url.endsWith('/move'))?.body).toEqual({ locationId: 'north-gate' })
  })

  it('reports a refused action in an error toast', async () => {
    signIn('admin')
    detailApi((c) => (c.url.endsWith('/reset-hp') ? json({ code: 'unavailable', message: 'Redis is down' }, 503) : undefined))
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('player-reset-hp'))
    await user.click(screen.getByTestId('confirm-ok'))
    const toast = await screen.findByTestId('toast')
    expect(toast).toHaveTextContent('Redis is down')
    expect(toast).toHaveAttribute('data-tone', 'error')
  })

  /** The detail API with a ban the calls change, as the server would. */
  function banApi(answerBan?: (c: FetchCall) => Response | undefined) {
    let bannedUntil: number | null = null
    return detailApi((c) => {
      if (c.url === '/api/admin/players/p-ada' && c.method === 'GET') return json({ ...ada, bannedUntil })
      if (c.url === '/api/admin/players/p-ada/ban' && c.method === 'POST') {
        const refused = answerBan?.(c)
        if (refused) return refused
        bannedUntil = Date.now() + (c.body as { minutes: number }).minutes * 60_000
        return json({ bannedUntil })
      }
      if (c.url === '/api/admin/players/p-ada/ban' && c.method === 'DELETE') {
        bannedUntil = null
        return new Response(null, { status: 204 })
      }
      return undefined
    })
  }

  it('bans for a chosen time with a reason, then unbans', async () => {
    signIn('admin')
    const fetch = banApi()
    open()
    const user = userEvent.setup()
    expect(await screen.findByTestId('player-banned-until')).toHaveTextContent('not banned')
    await user.click(screen.getByTestId('player-ban'))
    expect(screen.getByTestId('ban-dialog')).toHaveTextContent('Ban Ada?')
    expect(within(screen.getByTestId('ban-duration')).getAllByRole('option').map((o) => o.textContent)).toEqual(['15 minutes', '1 hour', '1 day', '7 days'])
    await user.click(screen.getByTestId('ban-submit'))
    expect(screen.getByTestId('ban-error')).toHaveTextContent('Give a reason')
    expect(fetch.requests.every((r) => r.method === 'GET')).toBe(true)

    await user.selectOptions(screen.getByTestId('ban-duration'), '1 day')
    await user.type(screen.getByTestId('ban-reason'), '  Spamming the square ')
    await user.click(screen.getByTestId('ban-submit'))
    expect(await screen.findByTestId('toast')).toHaveTextContent(/^Ada is banned until \d{2} \w{3} \d{4}/)
    expect(fetch.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/admin/players/p-ada/ban',
      headers: { authorization: 'Bearer token-of-admin' },
      body: { minutes: 1440, reason: 'Spamming the square' },
    })
    expect(screen.queryByTestId('ban-dialog')).not.toBeInTheDocument()
    expect(screen.getByTestId('player-banned-until')).not.toHaveTextContent('not banned')
    expect(screen.getByTestId('player-detail')).toHaveTextContent('banned')
    expect(screen.queryByTestId('player-ban')).not.toBeInTheDocument()

    await user.click(screen.getByTestId('player-unban'))
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Unban Ada?')
    await user.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(screen.getByTestId('player-banned-until')).toHaveTextContent('not banned'))
    expect(fetch.requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/admin/players/p-ada/ban')
    expect(screen.getByTestId('player-ban')).toBeInTheDocument()
  })

  it("keeps the ban form open with the server's reason when it refuses", async () => {
    signIn('admin')
    banApi(() => json({ code: 'forbidden', message: 'An admin cannot be banned.' }, 403))
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('player-ban'))
    await user.type(screen.getByTestId('ban-reason'), 'test')
    await user.click(screen.getByTestId('ban-submit'))
    expect(await screen.findByTestId('ban-error')).toHaveTextContent('An admin cannot be banned.')
    expect(screen.getByTestId('ban-dialog')).toBeInTheDocument()
    expect(screen.getByTestId('player-banned-until')).toHaveTextContent('not banned')
  })

  it('says when the player does not exist', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'not_found', message: 'No player p-zed' }, 404))
    renderPage(<PlayerDetailPage />, '/admin/players/p-zed', '/admin/players/:id')
    expect(await screen.findByText('No such player')).toBeInTheDocument()
  })
})

describe('Players LLM cost and budget', () => {
  it('merges this hour\'s spend into the list by player id, with an over-budget badge', async () => {
    signIn('admin')
    stubFetch((c) => (c.url === '/api/admin/metering' ? json(metering()) : playersApi(c)))
    renderPage(<PlayersPage />, '/admin/players')
    await waitFor(() => expect(screen.getByTestId('player-cost-hour-Bram')).toHaveTextContent('$0.14'))
    expect(screen.getByTestId('player-cost-today-Bram')).toHaveTextContent('$0.20')
    expect(screen.getByTestId('over-budget-Bram')).toHaveTextContent('over budget')
    expect(screen.getByTestId('player-cost-hour-Ada')).toHaveTextContent('$0.0008')
    expect(screen.getByTestId('player-cost-today-Ada')).toHaveTextContent('$0.0035')
    expect(screen.queryByTestId('over-budget-Ada')).not.toBeInTheDocument()
    // Cleo spent nothing this hour; what she spent earlier today is on her page
    expect(screen.getByTestId('player-cost-hour-Cleo')).toHaveTextContent('$0.00')
    expect(screen.getByTestId('player-cost-today-Cleo')).toHaveTextContent('—')
  })

  it('lists players without cost columns when the orchestrator does not meter', async () => {
    signIn('admin')
    stubFetch(playersApi) // /api/admin/metering answers 404
    renderPage(<PlayersPage />, '/admin/players')
    expect(await screen.findByTestId('player-row-Ada')).toHaveTextContent('go north')
    expect(screen.queryByText('Cost this hour')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  const open = () => renderPage(<PlayerDetailPage />, '/admin/players/p-ada', '/admin/players/:id')

  /** The detail page with a budget endpoint that keeps its state, so a test sees what a change did. */
  function budgetApi(initial = budgetEntry()) {
    let entry = initial
    const fetch = detailApi((c) => {
      if (c.url === '/api/admin/metering') return json(metering({ currency: 'EUR' }))
      if (c.url === '/api/admin/players/p-ada/budget' && c.method === 'GET') return json(entry)
      if (c.url === '/api/admin/players/p-ada/budget' && c.method === 'PUT') {
        const { perHour, perDay } = c.body as { perHour: number | null; perDay: number | null }
        if ((perHour ?? 0) > 10_000_000) return json({ code: 'bad_request', message: 'perHour is above the 10,000,000 limit' }, 400)
        entry = { ...entry, budgetPerHour: perHour ?? 150_000, budgetPerDay: perDay ?? 1_000_000, custom: perHour !== null || perDay !== null, overBudget: false }
        return json(entry)
      }
      if (c.url === '/api/admin/players/p-ada/budget/reset' && c.method === 'POST') {
        entry = { ...entry, tokensThisHour: 0, tokensToday: 0, costThisHour: 0, costToday: 0, overBudget: false }
        return json(entry)
      }
      return undefined
    })
    return fetch
  }

  it('shows the player\'s spend against their budget', async () => {
    signIn('admin')
    budgetApi(budgetEntry({ tokensThisHour: 160_000, budgetPerHour: 150_000, overBudget: true }))
    open()
    const panel = await screen.findByTestId('player-budget')
    await waitFor(() => expect(within(panel).getByTestId('player-budget-hour')).toHaveTextContent('160,000 of 150,000 tokens'))
    expect(within(panel).getByTestId('player-budget-day')).toHaveTextContent('4,000 of 1,000,000 tokens')
    expect(within(panel).getByTestId('player-budget-over')).toHaveTextContent('over budget')
    expect(panel).toHaveTextContent('rules narration and authored NPC answers')
    await waitFor(() => expect(within(panel).getByTestId('player-budget-cost-day')).toHaveTextContent('€0.0035'))
    expect(screen.getByTestId('player-detail')).toHaveTextContent('walking stick') // the rest of the detail is there
  })

  it('raises the budget; an empty field goes back to the default', async () => {
    signIn('admin')
    const fetch = budgetApi()
    open()
    const user = userEvent.setup()
    await user.type(await screen.findByTestId('budget-per-hour'), '300000')
    await user.click(screen.getByTestId('budget-save'))
    expect(await screen.findByTestId('toast')).toHaveTextContent("Ada's budget was saved.")
    expect(fetch.requests.find((r) => r.method === 'PUT')?.body).toEqual({ perHour: 300_000, perDay: null })
    expect(screen.getByTestId('player-budget-hour')).toHaveTextContent('900 of 300,000 tokens')
    expect(screen.getByTestId('player-budget')).toHaveTextContent('custom')
    expect(screen.getByTestId('budget-per-hour')).toHaveValue('')
  })

  it('refuses a negative budget before sending and shows the server\'s 400', async () => {
    signIn('admin')
    const fetch = budgetApi()
    open()
    const user = userEvent.setup()
    const perDay = await screen.findByTestId('budget-per-day')
    await user.type(perDay, '-1')
    await user.click(screen.getByTestId('budget-save'))
    expect(screen.getByTestId('budget-error')).toHaveTextContent('Per day: not below 0.')
    expect(fetch.requests.some((r) => r.method === 'PUT')).toBe(false)
    await user.clear(perDay)
    await user.type(screen.getByTestId('budget-per-hour'), '20000000')
    await user.click(screen.getByTestId('budget-save'))
    await waitFor(() => expect(screen.getByTestId('budget-error')).toHaveTextContent('perHour is above the 10,000,000 limit'))
    expect(fetch.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
    expect(screen.getByTestId('player-budget-hour')).toHaveTextContent('900 of 150,000 tokens')
  })

  it('resets the spend after confirmation', async () => {
    signIn('admin')
    const fetch = budgetApi(budgetEntry({ tokensThisHour: 160_000, overBudget: true }))
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('budget-reset'))
    expect(screen.getByRole('dialog')).toHaveTextContent("Reset Ada's spend?")
    expect(fetch.requests.some((r) => r.url.endsWith('/budget/reset'))).toBe(false)
    await user.click(screen.getByTestId('confirm-ok'))
    expect(await screen.findByTestId('toast')).toHaveTextContent("Ada's spend this hour and today was reset.")
    expect(fetch.requests.find((r) => r.url.endsWith('/budget/reset'))?.method).toBe('POST')
    expect(screen.getByTestId('player-budget-hour')).toHaveTextContent('0 of 150,000 tokens')
    expect(screen.queryByTestId('player-budget-over')).not.toBeInTheDocument()
  })

  it('reports a failed reset in an error toast', async () => {
    signIn('admin')
    stubFetch((c) => {
      if (c.url.endsWith('/budget/reset')) return json({ code: 'unavailable', message: 'Redis is down' }, 503)
      if (c.url === '/api/admin/players/p-ada/budget') return json(budgetEntry())
      if (c.url === '/api/admin/players/p-ada') return json(ada)
      return undefined
    })
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('budget-reset'))
    await user.click(screen.getByTestId('confirm-ok'))
    const toast = await screen.findByTestId('toast')
    expect(toast).toHaveTextContent('Redis is down')
    expect(toast).toHaveAttribute('data-tone', 'error')
  })

  it('shows a budget that cannot be loaded as an error, and the rest of the player', async () => {
    signIn('admin')
    detailApi((c) => (c.url === '/api/admin/players/p-ada/budget' ? json({ code: 'unavailable', message: 'The orchestrator is busy' }, 503) : undefined))
    open()
    const panel = await screen.findByTestId('player-budget')
    await waitFor(() => expect(within(panel).getByRole('alert')).toHaveTextContent('The orchestrator is busy'))
    expect(screen.getByTestId('player-detail')).toHaveTextContent('walking stick')
  })
})
