import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { getSession } from '@/api/session'
import { ada, northGate, square } from '@/test/fixtures'
import { FakeWebSocket, json, renderPage, signIn, stubFetch } from '@/test/utils'
import { PlayPage } from '.'

const openPlay = () => renderPage(<PlayPage />, '/play')

/** Signs Ada in, opens the page and the socket (once its ticket is fetched), and sends the welcome frame. */
async function playing({ fakeTimers = false } = {}) {
  stubFetch(() => undefined)
  signIn('player', 'Ada', 'p-ada')
  const view = openPlay()
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
  if (fakeTimers) vi.useFakeTimers() // from here: the socket's ping and reconnect timers
  const ws = FakeWebSocket.last()
  act(() => {
    ws.open()
    ws.receive({ type: 'welcome', player: ada, location: square })
  })
  return { ...view, ws }
}

describe('PlayPage', () => {
  beforeEach(() => FakeWebSocket.install())

  it('asks for a login without a session, then connects', async () => {
    stubFetch((c) => (c.url === '/api/auth/register' ? json({ playerId: 'p-ada', token: 'tok en', name: 'Ada', role: 'player' }, 201) : undefined))
    openPlay()
    expect(FakeWebSocket.instances).toHaveLength(0)
    const user = userEvent.setup()
    await user.type(screen.getByTestId('login-name'), 'Ada')
    await user.type(screen.getByTestId('login-password'), 'longenough')
    await user.click(screen.getByTestId('register-submit'))
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    expect(FakeWebSocket.last().url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-of-tok%20en')
    expect(screen.getByTestId('connection-status')).toHaveTextContent('disconnected')
    act(() => FakeWebSocket.last().open())
    expect(screen.getByTestId('connection-status')).toHaveTextContent(/^connected$/)
  })

  it('uses the configured wsBase, with a ticket fetched for the token (never the token itself)', async () => {
    window.__LANGOMNI__ = { apiBase: '', wsBase: 'wss://game.example', version: '1' }
    const fetch = stubFetch(() => undefined)
    signIn('player', 'Ada', 'p-ada')
    openPlay()
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    expect(FakeWebSocket.last().url).toBe('wss://game.example/ws/game/p-ada?ticket=ticket-of-token-of-Ada')
    expect(fetch.tickets).toEqual([expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ authorization: 'Bearer token-of-Ada' }) })])
  })

  it('shows the room from the welcome frame', async () => {
    await playing()
    expect(screen.getByTestId('room-name')).toHaveTextContent('Village Square')
    expect(screen.getByTestId('room-description')).toHaveTextContent('old well')
    expect(screen.getByTestId('exit-north')).toHaveTextContent('North Gate')
    expect(screen.getByTestId('exit-east')).toBeInTheDocument()
    expect(screen.getByTestId('room-items')).toHaveTextContent('notice board')
    expect(screen.getByTestId('room-npcs')).toHaveTextContent('Mara')
    expect(screen.getByTestId('room-players')).toHaveTextContent('only you')
    expect(screen.getByTestId('player-hp')).toHaveTextContent('8/10')
    expect(screen.getByTestId('narration-log')).toHaveTextContent('Welcome, Ada. You are in Village Square.')
  })

  it('moves through an exit: streamed narration, then the result replaces it', async () => {
    const { ws } = await playing()
    await userEvent.setup().click(screen.getByTestId('exit-north'))
    const sent = ws.sentFrames().at(-1)!
    expect(sent).toMatchObject({ type: 'action', text: 'go north' })
    const id = sent.id as string
    expect(id.length).toBeGreaterThan(0)
    expect(id.length).toBeLessThanOrEqual(64)

    const log = screen.getByTestId('narration-log')
    act(() => ws.receive({ type: 'narration', actionId: id, delta: 'You stride ' }))
    expect(log).toHaveTextContent('You stride')
    act(() => ws.receive({ type: 'narration', actionId: id, delta: 'north to the gate.' }))
    expect(log).toHaveTextContent('You stride north to the gate.')
    act(() =>
      ws.receive({ type: 'result', actionId: id, text: 'You reach the North Gate.', source: 'llm', player: { ...ada, locationId: 'north-gate', hp: 7 }, location: northGate }),
    )
    expect(log).toHaveTextContent('You reach the North Gate.')
    expect(log).not.toHaveTextContent('You stride')
    expect(log.lastElementChild).toHaveTextContent('You reach the North Gate.')
    expect(screen.getByTestId('room-name')).toHaveTextContent('North Gate')
    expect(screen.getByTestId('room-players')).toHaveTextContent('Bram')
    expect(screen.getByTestId('player-hp')).toHaveTextContent('7/10')
  })

  it('shows events from others and error frames', async () => {
    const { ws } = await playing()
    act(() => ws.receive({ type: 'event', kind: 'arrived', from: 'Bram', text: 'Bram arrives from the south.' }))
    expect(screen.getByTestId('narration-log')).toHaveTextContent('Bram arrives from the south.')
    expect(within(screen.getByTestId('room-players')).getByText('Bram')).toBeInTheDocument()
    act(() => ws.receive({ type: 'error', actionId: 'a1', code: 'rate_limited', message: 'Slow down.' }))
    expect(screen.getByTestId('narration-log')).toHaveTextContent('rate_limitedSlow down.')
  })

  it('shows an action being resent after rate_limited, then its answer', async () => {
    const { ws } = await playing({ fakeTimers: true })
    act(() => {
      fireEvent.change(screen.getByTestId('command-input'), { target: { value: 'look' } })
      fireEvent.click(screen.getByTestId('command-send'))
    })
    const id = ws.sentFrames().at(-1)!.id
    act(() => ws.receive({ type: 'error', actionId: id, code: 'rate_limited', message: 'Slow down.' }))
    expect(screen.getByTestId('command-note')).toHaveTextContent('(too fast: resending)')
    expect(screen.getByTestId('narration-log')).not.toHaveTextContent('Slow down.')
    act(() => vi.advanceTimersByTime(1000))
    expect(ws.sentFrames().filter((f) => f.type === 'action')).toEqual([
      { type: 'action', id, text: 'look' },
      { type: 'action', id, text: 'look' },
    ])
    act(() => ws.receive({ type: 'result', seq: 1, actionId: id, text: 'You see a well.', source: 'rules', player: ada, location: square }))
    expect(screen.queryByTestId('command-note')).not.toBeInTheDocument()
    expect(screen.getByTestId('narration-log')).toHaveTextContent('You see a well.')
  })

  it('sends typed commands and recalls them with ↑/↓', async () => {
    const { ws } = await playing()
    const user = userEvent.setup()
    const input = screen.getByTestId('command-input')
    await user.type(input, 'look{Enter}')
    await user.type(input, 'say hello')
    await user.click(screen.getByTestId('command-send'))
    expect(ws.sentFrames().map((f) => f.text)).toEqual(['look', 'say hello'])
    expect(input).toHaveValue('')
    await user.type(input, 'ta')
    await user.keyboard('{ArrowUp}')
    expect(input).toHaveValue('say hello')
    await user.keyboard('{ArrowUp}')
    expect(input).toHaveValue('look')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(input).toHaveValue('ta')
    expect(screen.getByTestId('narration-log')).toHaveTextContent('> say hello')
  })

  it('pings every 25 s and reconnects with backoff after a drop', async () => {
    const { ws } = await playing({ fakeTimers: true })
    act(() => vi.advanceTimersByTime(25_000))
    expect(ws.sentFrames()).toContainEqual({ type: 'ping' })
    act(() => ws.serverClose(1006))
    expect(screen.getByTestId('connection-status')).toHaveTextContent('disconnected')
    expect(screen.getByTestId('narration-log')).toHaveTextContent('Connection lost (1006); reconnecting')
    act(() => vi.advanceTimersByTime(2000))
    await act(async () => {}) // the new ticket's fetch settles
    expect(FakeWebSocket.instances).toHaveLength(2)
    act(() => FakeWebSocket.last().open())
    expect(screen.getByTestId('connection-status')).toHaveTextContent(/^connected$/)
  })

  it('stays closed when kicked by an admin (4409)', async () => {
    const { ws } = await playing({ fakeTimers: true })
    act(() => ws.serverClose(4409, 'Kicked by an admin'))
    expect(screen.getByTestId('kicked-notice')).toHaveTextContent('kicked by an admin')
    expect(screen.getByTestId('connection-status')).toHaveTextContent('disconnected')
    expect(screen.getByTestId('command-input')).toBeDisabled()
    act(() => vi.advanceTimersByTime(120_000))
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it('goes back to the login on 4401', async () => {
    const { ws } = await playing()
    act(() => ws.serverClose(4401))
    expect(getSession()).toBeNull()
    expect(screen.getByTestId('login-name')).toBeInTheDocument()
    expect(screen.getByText('Your session expired. Log in again.')).toBeInTheDocument()
  })

  it('closes the socket when leaving the page', async () => {
    const { ws, unmount } = await playing()
    unmount()
    expect(ws.readyState).toBe(FakeWebSocket.CLOSED)
  })
})

describe('PlayPage quest log', () => {
  beforeEach(() => FakeWebSocket.install())

  const rats = (step: number, status: 'active' | 'done' = 'active') => ({
    quests: [
      {
        id: 'rats-in-the-cellar',
        name: 'Rats in the Cellar',
        giver: 'marta',
        giverName: 'Marta Quill',
        summary: 'Rats.',
        status,
        step,
        steps: 4,
        current: status === 'done' ? null : step === 1 ? 'Go down to the inn cellar.' : 'Kill the giant rat in the cellar.',
        stepsDone: [],
        rewards: { items: ['honey cake'], hp: 5, xp: 20, reputation: 1 },
        together: 1,
      },
    ],
    xp: status === 'done' ? 20 : 0,
    reputation: 0,
  })

  it('shows the log from GET /api/game/quests and reads it again after each result', async () => {
    let step = 0
    const fetch = stubFetch((c) => (c.url === '/api/game/quests' ? json(step === 0 ? { quests: [], xp: 0, reputation: 0 } : rats(step)) : undefined))
    signIn('player', 'Ada', 'p-ada')
    openPlay()
    await waitFor(() => expect(screen.getByTestId('quest-empty')).toBeInTheDocument())
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    const ws = FakeWebSocket.last()
    act(() => {
      ws.open()
      ws.receive({ type: 'welcome', player: ada, location: square })
    })
    step = 1
    act(() => ws.receive({ type: 'result', actionId: 'a1', text: 'You speak to Marta.\nNew quest: Rats in the Cellar', source: 'rules', player: ada, location: square }))
    await waitFor(() => expect(screen.getByTestId('quest-entry')).toHaveAttribute('data-step', '1'))
    expect(screen.getByTestId('quest-current')).toHaveTextContent('Go down to the inn cellar.')
    expect(screen.getByTestId('quest-log')).toHaveTextContent('reward: honey cake, +5 HP, +20 XP, +1 reputation')
    step = 2
    act(() => ws.receive({ type: 'result', actionId: 'a2', text: 'You go down.', source: 'rules', player: ada, location: northGate }))
    await waitFor(() => expect(screen.getByTestId('quest-entry')).toHaveAttribute('data-step', '2'))
    expect(fetch.requests.filter((r) => r.url === '/api/game/quests').length).toBeGreaterThanOrEqual(3)
  })
})

describe('PlayPage party panel', () => {
  beforeEach(() => FakeWebSocket.install())

  it('lists the party, leader first, with where each member is, and asks again after a party event', async () => {
    let members = [{ name: 'Ada', location: 'square', locationName: 'Village Square', online: true, leader: true }]
    const fetch = stubFetch((c) => (c.url.endsWith('/api/game/party') ? json({ members, maxSize: 4 }) : undefined))
    signIn('player', 'Ada', 'p-ada')
    openPlay()
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    const ws = FakeWebSocket.last()
    act(() => {
      ws.open()
      ws.receive({ type: 'welcome', player: ada, location: square })
    })
    await waitFor(() => expect(screen.getAllByTestId('party-member')).toHaveLength(1))
    members = [...members, { name: 'Bo', location: 'gate', locationName: 'North Gate', online: false, leader: false }]
    act(() => ws.receive({ type: 'event', seq: 5, kind: 'party', from: 'Bo', text: 'Bo joins the party.' }))
    await waitFor(() => expect(screen.getAllByTestId('party-member')).toHaveLength(2))
    const panel = screen.getByTestId('party-panel')
    expect(panel).toHaveTextContent('Party (2/4)')
    expect(within(panel).getAllByTestId('party-member-place')[1]).toHaveTextContent('North Gate')
    expect(within(panel).getByLabelText('leader')).toBeInTheDocument()
    expect(fetch.requests.filter((r) => r.url.endsWith('/api/game/party')).length).toBeGreaterThanOrEqual(2)
  })

  it('says none without a party', async () => {
    stubFetch((c) => (c.url.endsWith('/api/game/party') ? json({ members: [], maxSize: 4 }) : undefined))
    signIn('player', 'Ada', 'p-ada')
    openPlay()
    await waitFor(() => expect(screen.getByTestId('party-none')).toBeInTheDocument())
  })
})
