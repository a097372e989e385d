import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { getSession, SESSION_KEY } from '@/api/session'
import { json, renderRoutes, stubFetch } from '@/test/utils'
import { LoginPage } from '.'

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/admin', element: <p>admin home</p> },
  { path: '/play', element: <p>play home</p> },
]

async function fill(name: string, password: string) {
  const user = userEvent.setup()
  await user.type(screen.getByTestId('login-name'), name)
  await user.type(screen.getByTestId('login-password'), password)
  return user
}

describe('LoginPage', () => {
  it('logs an admin in, stores the session and opens the panel', async () => {
    const fetch = stubFetch((c) => (c.url === '/api/auth/login' ? json({ playerId: 'a1', token: 't0k', name: 'admin', role: 'admin' }) : undefined))
    renderRoutes(routes, '/login')
    const user = await fill('admin', 'correct horse')
    await user.click(screen.getByTestId('login-submit'))
    expect(await screen.findByText('admin home')).toBeInTheDocument()
    expect(fetch.requests[0]).toMatchObject({ method: 'POST', body: { name: 'admin', password: 'correct horse' } })
    expect(getSession()).toEqual({ token: 't0k', playerId: 'a1', name: 'admin', role: 'admin' })
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? '{}').token).toBe('t0k')
  })

  it('registers a player and opens the game', async () => {
    const fetch = stubFetch((c) => (c.url === '/api/auth/register' ? json({ playerId: 'p9', token: 'tk', name: 'Ada', role: 'player' }, 201) : undefined))
    renderRoutes(routes, '/login')
    const user = await fill('Ada', 'longenough')
    await user.click(screen.getByTestId('register-submit'))
    expect(await screen.findByText('play home')).toBeInTheDocument()
    expect(fetch.requests[0]?.url).toBe('/api/auth/register')
    expect(getSession()?.role).toBe('player')
  })

  it('shows a wrong password without leaving the page', async () => {
    stubFetch(() => json({ code: 'unauthorized', message: 'Unknown name or wrong password' }, 401))
    renderRoutes(routes, '/login')
    const user = await fill('admin', 'nope-nope')
    await user.click(screen.getByTestId('login-submit'))
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Unknown name or wrong password')
    expect(getSession()).toBeNull()
  })

  it('says when a name is taken', async () => {
    stubFetch(() => json({ code: 'conflict', message: 'Name taken' }, 409))
    renderRoutes(routes, '/login')
    const user = await fill('Ada', 'longenough')
    await user.click(screen.getByTestId('register-submit'))
    expect(await screen.findByTestId('login-error')).toHaveTextContent('That name is taken.')
  })

  it('checks a registration locally before asking the server', async () => {
    const fetch = stubFetch(() => json({}))
    renderRoutes(routes, '/login')
    const user = await fill('bad name!', 'short')
    await user.click(screen.getByTestId('register-submit'))
    expect(await screen.findByTestId('login-error')).toHaveTextContent('letters, digits')
    await waitFor(() => expect(fetch).not.toHaveBeenCalled())
  })
})
