import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
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

  it('says when the player does not exist', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'not_found', message: 'No player p-zed' }, 404))
    renderPage(<PlayerDetailPage />, '/admin/players/p-zed', '/admin/players/:id')
    expect(await screen.findByText('No such player')).toBeInTheDocument()
  })
})
