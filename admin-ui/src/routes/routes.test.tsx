import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { getSession } from '@/api/session'
import { FakeWebSocket, json, renderRoutes, signIn, stubFetch } from '@/test/utils'
import { routes } from '.'

function backend() {
  return stubFetch((c) => {
    if (c.url === '/api/admin/stream') return new Promise<Response>(() => {})
    if (c.url.startsWith('/api/admin/players')) return json({ total: 0, players: [] })
    return undefined
  })
}

describe('routes', () => {
  it('sends / to the game, which asks for a login', async () => {
    FakeWebSocket.install()
    const { router } = renderRoutes(routes, '/')
    expect(await screen.findByTestId('login-name')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/play')
  })

  it('sends a player away from the admin pages', async () => {
    signIn('player')
    backend()
    const { router } = renderRoutes(routes, '/admin/players')
    expect(await screen.findByText('The admin panel needs an admin account.')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
  })

  it('sends a visitor without a session to the login, and an admin back where they were going', async () => {
    const fetch = backend()
    fetch.mockImplementationOnce(async () => json({ playerId: 'a1', token: 'tk', name: 'admin', role: 'admin' }))
    const { router } = renderRoutes(routes, '/admin/players')
    await screen.findByTestId('login-submit')
    expect(router.state.location.pathname).toBe('/login')
    const user = userEvent.setup()
    await user.type(screen.getByTestId('login-name'), 'admin')
    await user.type(screen.getByTestId('login-password'), 'secret-pass')
    await user.click(screen.getByTestId('login-submit'))
    expect(await screen.findByTestId('players-search')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/admin/players')
  })

  it('gives an admin the panel with its navigation, and logs out', async () => {
    signIn('admin')
    const fetch = backend()
    const { router } = renderRoutes(routes, '/admin/players')
    expect(await screen.findByTestId('players-search')).toBeInTheDocument()
    for (const id of ['nav-dashboard', 'nav-architecture', 'nav-players', 'nav-npcs', 'nav-dead-letters', 'nav-moderation', 'nav-metrics', 'nav-world', 'nav-play']) {
      expect(screen.getByTestId(id)).toBeInTheDocument()
    }
    expect(screen.getByTestId('nav-players')).toHaveAttribute('aria-current', 'page')
    const user = userEvent.setup()
    await user.click(screen.getByTestId('nav-dashboard'))
    expect(await screen.findByTestId('live-indicator')).toBeInTheDocument()
    await user.click(screen.getByTestId('change-password'))
    expect(screen.getByTestId('change-password-dialog')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByTestId('change-password-dialog')).not.toBeInTheDocument()
    await user.click(screen.getByTestId('logout'))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(getSession()).toBeNull()
    expect(fetch.requests.find((r) => r.url === '/api/auth/logout')).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer token-of-admin' } })
  })

  it('closes the phone drawer when a link leads to another page', async () => {
    signIn('admin')
    backend()
    renderRoutes(routes, '/admin/players')
    await screen.findByTestId('players-search')
    const drawer = screen.getByRole('complementary', { name: 'Admin navigation' })
    expect(drawer).toHaveClass('-translate-x-full')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Open navigation' }))
    expect(drawer).toHaveClass('translate-x-0')
    await user.click(screen.getByTestId('nav-dashboard'))
    expect(await screen.findByTestId('live-indicator')).toBeInTheDocument()
    expect(drawer).toHaveClass('-translate-x-full')
    await user.click(screen.getByRole('button', { name: 'Open navigation' }))
    await user.click(screen.getByRole('button', { name: 'Close navigation' }))
    expect(drawer).toHaveClass('-translate-x-full')
  })

  it('answers an unknown path', async () => {
    renderRoutes(routes, '/nowhere')
    expect(await screen.findByText('No such page')).toBeInTheDocument()
  })
})
