import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, renderPage, signIn, stubFetch, type FetchCall } from '@/test/utils'
import { WorldPage } from '.'

const KINDS = [
  { id: 'storm', name: 'Storm', announcement: 'A storm rolls in.', durationSeconds: 600, blocks: ['north-gate/gate'] },
  { id: 'fog', name: 'Fog', announcement: 'Fog creeps in.', durationSeconds: 300, blocks: [] },
]

/** The world API: a state that PUT pause, POST events and DELETE events/current change; `extra` may answer first. */
function worldApi(extra: (c: FetchCall) => Response | undefined = () => undefined) {
  const state = {
    day: 3,
    time: '21:05',
    night: true,
    paused: false,
    pausedBy: null as string | null,
    pausedAt: null as string | null,
    event: null as Record<string, unknown> | null,
    kinds: KINDS,
    audit: [] as Record<string, unknown>[],
  }
  return stubFetch((c) => {
    const answer = extra(c)
    if (answer) return answer
    if (c.url === '/api/admin/world' && c.method === 'GET') return json(state)
    if (c.url === '/api/admin/world/pause' && c.method === 'PUT') {
      const body = c.body as { paused: boolean; reason?: string }
      state.paused = body.paused
      state.pausedBy = body.paused ? 'admin' : null
      state.pausedAt = body.paused ? new Date().toISOString() : null
      state.audit = [{ ts: new Date().toISOString(), action: body.paused ? 'pause' : 'resume', detail: body.reason ?? null, by: 'admin' }, ...state.audit]
      return json(state)
    }
    if (c.url === '/api/admin/world/events' && c.method === 'POST') {
      const body = c.body as { kind: string }
      const kind = KINDS.find((k) => k.id === body.kind)!
      state.event = { kind: kind.id, name: kind.name, ambience: 'Rain lashes everything.', startedAt: new Date().toISOString(), endsAt: new Date(Date.now() + 600_000).toISOString(), by: 'admin' }
      state.audit = [{ ts: new Date().toISOString(), action: 'event', detail: kind.id, by: 'admin' }, ...state.audit]
      return json(state)
    }
    if (c.url === '/api/admin/world/events/current' && c.method === 'DELETE') {
      if (!state.event) return json({ code: 'not_found', message: 'no world event is under way' }, 404)
      state.event = null
      return json(state)
    }
    return undefined
  })
}

const open = () => renderPage(<WorldPage />, '/admin/world')

describe('WorldPage', () => {
  it('shows the game clock, that the world runs, and the kinds of event', async () => {
    signIn('admin')
    worldApi()
    open()
    expect(await screen.findByTestId('world-clock')).toHaveTextContent('Day 3, 21:05 (night)')
    expect(screen.getByTestId('world-paused')).toHaveTextContent('running')
    expect(screen.getByTestId('world-no-event')).toBeInTheDocument()
    expect(screen.getByTestId('world-kind-announcement')).toHaveTextContent('Players are told: “A storm rolls in.” Closes north-gate/gate.')
  })

  it('pauses the world with a reason, then resumes it', async () => {
    signIn('admin')
    const fetch = worldApi()
    open()
    const user = userEvent.setup()
    await user.type(await screen.findByTestId('world-reason'), 'maintenance')
    await user.click(screen.getByTestId('world-pause'))
    await waitFor(() => expect(screen.getByTestId('world-paused')).toHaveTextContent('paused'))
    const put = fetch.requests.find((r) => r.method === 'PUT')
    expect(put).toMatchObject({ url: '/api/admin/world/pause', headers: { authorization: 'Bearer token-of-admin' } })
    expect(put?.body).toEqual({ paused: true, reason: 'maintenance' })
    expect(screen.getByTestId('world-paused-by')).toHaveTextContent('Paused by admin')
    expect(screen.getByTestId('world-audit')).toHaveTextContent('admin paused the world (maintenance)')
    expect(screen.getByTestId('toast')).toHaveTextContent('The world is paused.')

    await user.click(screen.getByTestId('world-pause'))
    await waitFor(() => expect(screen.getByTestId('world-paused')).toHaveTextContent('running'))
  })

  it('starts the chosen event for a number of minutes and ends it', async () => {
    signIn('admin')
    const fetch = worldApi()
    open()
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByTestId('world-kind'), 'storm')
    await user.type(screen.getByTestId('world-minutes'), '2')
    await user.click(screen.getByTestId('world-start-event'))
    expect(await screen.findByTestId('world-event')).toHaveTextContent('Storm')
    expect(screen.getByTestId('world-event')).toHaveTextContent('Rain lashes everything.')
    expect(fetch.requests.find((r) => r.method === 'POST')?.body).toEqual({ kind: 'storm', durationSeconds: 120 })

    await user.click(screen.getByTestId('world-end-event'))
    expect(await screen.findByTestId('world-no-event')).toBeInTheDocument()
    expect(fetch.requests.some((r) => r.method === 'DELETE' && r.url === '/api/admin/world/events/current')).toBe(true)
  })

  it('says why a change is refused and keeps the state', async () => {
    signIn('admin')
    worldApi((c) => (c.method === 'PUT' ? json({ code: 'forbidden', message: 'admins only' }, 403) : undefined))
    open()
    await userEvent.setup().click(await screen.findByTestId('world-pause'))
    expect(await screen.findByTestId('toast')).toHaveAttribute('data-tone', 'error')
    expect(screen.getByTestId('toast')).toHaveTextContent('admins only')
    expect(screen.getByTestId('world-paused')).toHaveTextContent('running')
  })

  it('explains a failure to load', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'unavailable', message: 'PostgreSQL is down' }, 503))
    open()
    expect(await screen.findByText('The world could not be loaded')).toBeInTheDocument()
  })
})
