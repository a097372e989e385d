import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { getSession } from '@/api/session'
import { PlayPage } from '@/features/play'
import { ada, square } from '@/test/fixtures'
import { FakeWebSocket, json, renderPage, renderRoutes, signIn, stubFetch, type FetchCall } from '@/test/utils'
import { LoginPage } from '.'

/** Ada on the Play page, welcomed at seq 7. */
async function playing(handler: (c: FetchCall) => Response | Promise<Response> | undefined) {
  const fetch = stubFetch(handler)
  signIn('player', 'Ada', 'p-ada')
  renderPage(<PlayPage />, '/play')
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
  const ws = FakeWebSocket.last()
  act(() => {
    ws.open()
    ws.receive({ type: 'welcome', seq: 7, resume: null, player: ada, location: square })
  })
  return { fetch, ws, user: userEvent.setup({ delay: null }) }
}

async function changePassword(user: ReturnType<typeof userEvent.setup>, current: string, next: string, confirm = next) {
  await user.click(screen.getByTestId('change-password'))
  expect(screen.getByTestId('change-password-dialog')).toBeInTheDocument()
  await user.type(screen.getByTestId('password-current'), current)
  await user.type(screen.getByTestId('password-new'), next)
  await user.type(screen.getByTestId('password-confirm'), confirm)
  await user.click(screen.getByTestId('password-submit'))
}

/** The requests the test is about: the Play page's quest log and party panel read their own. */
const calls = (fetch: { requests: { url: string }[] }) =>
  fetch.requests.filter((r) => r.url !== '/api/game/quests' && !r.url.endsWith('/api/game/party'))

describe('sessions', () => {
  beforeEach(() => FakeWebSocket.install())

  it('logs out on the server with the bearer token, then forgets the session', async () => {
    const { fetch, ws, user } = await playing((c) => (c.url === '/api/auth/logout' ? new Response(null, { status: 204 }) : undefined))
    await user.click(screen.getByTestId('logout'))
    expect(await screen.findByTestId('login-name')).toBeInTheDocument()
    expect(calls(fetch)).toHaveLength(1)
    expect(calls(fetch)[0]).toMatchObject({ url: '/api/auth/logout', method: 'POST', headers: { authorization: 'Bearer token-of-Ada' } })
    expect(getSession()).toBeNull()
    expect(ws.readyState).toBe(FakeWebSocket.CLOSED)
  })

  it.each([
    ['the server fails', () => json({ code: 'internal', message: 'boom' }, 500)],
    ['the token is already refused', () => json({ code: 'unauthorized', message: 'revoked' }, 401)],
    ['the server cannot be reached', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('logs out even when %s', async (_what, answer) => {
    const { user } = await playing((c) => (c.url === '/api/auth/logout' ? answer() : undefined))
    await user.click(screen.getByTestId('logout'))
    expect(await screen.findByTestId('login-name')).toBeInTheDocument()
    expect(getSession()).toBeNull()
    expect(screen.queryByText('Your session expired. Log in again.')).not.toBeInTheDocument()
  })

  it('says nothing about an expired session when the logout closes the socket (4401) before it answers', async () => {
    let answer: (r: Response) => void = () => {}
    const { ws, user } = await playing((c) => (c.url === '/api/auth/logout' ? new Promise<Response>((resolve) => (answer = resolve)) : undefined))
    await user.click(screen.getByTestId('logout'))
    act(() => ws.serverClose(4401))
    act(() => answer(new Response(null, { status: 204 })))
    expect(await screen.findByTestId('login-name')).toBeInTheDocument()
    expect(getSession()).toBeNull()
    expect(screen.queryByText('Your session expired. Log in again.')).not.toBeInTheDocument()
  })

  it('changes the password, stores the new token, and the socket resumes with it', async () => {
    const { fetch, ws, user } = await playing((c) =>
      c.url === '/api/auth/password' ? json({ playerId: 'p-ada', token: 'fresh-token', name: 'Ada', role: 'player' }) : undefined,
    )
    await changePassword(user, 'old-password', 'new-password-1')
    await waitFor(() => expect(getSession()?.token).toBe('fresh-token'))
    expect(calls(fetch)[0]).toMatchObject({
      url: '/api/auth/password',
      method: 'POST',
      headers: { authorization: 'Bearer token-of-Ada' },
      body: { currentPassword: 'old-password', newPassword: 'new-password-1' },
    })
    expect(await screen.findByTestId('toast')).toHaveTextContent('Password changed.')
    expect(screen.queryByTestId('change-password-dialog')).not.toBeInTheDocument()
    // the old token's socket is replaced by one with the new token, resuming where it was
    expect(ws.readyState).toBe(FakeWebSocket.CLOSED)
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2))
    expect(FakeWebSocket.last().url).toBe('ws://localhost:3000/ws/game/p-ada?ticket=ticket-of-fresh-token&resume=7')
    act(() => {
      FakeWebSocket.last().open()
      FakeWebSocket.last().receive({ type: 'welcome', seq: 7, resume: 'ok', player: ada, location: square })
    })
    expect(screen.getByTestId('narration-log')).toHaveTextContent('Reconnected: catching up on what you missed.')
  })

  it('says a wrong current password (401) and keeps the session', async () => {
    const { user } = await playing((c) => (c.url === '/api/auth/password' ? json({ code: 'unauthorized', message: 'Wrong password.' }, 401) : undefined))
    await changePassword(user, 'not-it-at-all', 'new-password-1')
    expect(await screen.findByTestId('password-error')).toHaveTextContent('The current password is wrong.')
    expect(getSession()?.token).toBe('token-of-Ada')
    expect(screen.getByTestId('change-password-dialog')).toBeInTheDocument()
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it("shows the server's reason for a refused new password (400)", async () => {
    const { user } = await playing((c) =>
      c.url === '/api/auth/password' ? json({ code: 'bad_request', message: 'That password is too common.' }, 400) : undefined,
    )
    await changePassword(user, 'old-password', 'new-password-1')
    expect(await screen.findByTestId('password-error')).toHaveTextContent('That password is too common.')
    expect(getSession()?.token).toBe('token-of-Ada')
  })

  it('checks the form before asking the server', async () => {
    const { fetch, user } = await playing(() => undefined)
    await changePassword(user, 'old-password', 'short')
    expect(screen.getByTestId('password-error')).toHaveTextContent('at least 8 characters')
    await user.clear(screen.getByTestId('password-new'))
    await user.type(screen.getByTestId('password-new'), 'new-password-1')
    await user.click(screen.getByTestId('password-submit'))
    expect(screen.getByTestId('password-error')).toHaveTextContent('differ')
    expect(calls(fetch)).toHaveLength(0)
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('change-password-dialog')).not.toBeInTheDocument()
  })

  it("shows a ban's message when the login answers 403 banned", async () => {
    stubFetch(() => json({ code: 'banned', message: 'Banned until 1 Dec 2026, 10:00: spamming the square.' }, 403))
    renderRoutes([{ path: '/login', element: <LoginPage /> }], '/login')
    const user = userEvent.setup()
    await user.type(screen.getByTestId('login-name'), 'Bram')
    await user.type(screen.getByTestId('login-password'), 'whatever-pass')
    await user.click(screen.getByTestId('login-submit'))
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Banned until 1 Dec 2026, 10:00: spamming the square.')
    expect(getSession()).toBeNull()
  })
})
