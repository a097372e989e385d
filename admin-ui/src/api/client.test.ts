import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, signIn, stubFetch } from '@/test/utils'
import { api, request, setUnauthorizedHandler, withQuery } from './client'
import { ApiError } from './errors'
import { getSession } from './session'

describe('api client', () => {
  let onUnauthorized: ReturnType<typeof vi.fn>
  let uninstall: () => void
  beforeEach(() => {
    onUnauthorized = vi.fn()
    uninstall = setUnauthorizedHandler(onUnauthorized as () => void)
  })
  afterEach(() => uninstall())

  it('adds the bearer token of the session', async () => {
    signIn('admin')
    const fetch = stubFetch(() => json({ ok: true }))
    await expect(api.get('/api/admin/stats')).resolves.toEqual({ ok: true })
    expect(fetch.requests[0]?.headers.authorization).toBe('Bearer token-of-admin')
  })

  it('sends no Authorization header without a session or with auth: false', async () => {
    const fetch = stubFetch(() => json({}))
    await api.get('/api/health')
    signIn('player')
    await request('/api/auth/login', { method: 'POST', body: { name: 'a', password: 'b' }, auth: false })
    expect(fetch.requests[0]?.headers.authorization).toBeUndefined()
    expect(fetch.requests[1]?.headers.authorization).toBeUndefined()
  })

  it('keeps the session on a 401 when asked to (a wrong current password is not an expired token)', async () => {
    signIn('player')
    const fetch = stubFetch(() => json({ code: 'unauthorized', message: 'Wrong password.' }, 401))
    await expect(request('/api/auth/password', { method: 'POST', body: {}, endSessionOn401: false })).rejects.toMatchObject({ status: 401, message: 'Wrong password.' })
    expect(fetch.requests[0]?.headers.authorization).toBe('Bearer token-of-Ada')
    expect(getSession()).not.toBeNull()
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('prefixes the runtime apiBase and sends JSON bodies', async () => {
    window.__LANGOMNI__ = { apiBase: 'https://game.example/', wsBase: '', version: '1' }
    const fetch = stubFetch(() => json({ kicked: true }))
    await api.post('/api/admin/players/p1/move', { locationId: 'square' })
    expect(fetch.requests[0]).toMatchObject({
      url: 'https://game.example/api/admin/players/p1/move',
      method: 'POST',
      body: { locationId: 'square' },
    })
    expect(fetch.requests[0]?.headers['content-type']).toBe('application/json')
  })

  it('builds query strings, leaving out empty values', () => {
    expect(withQuery('/p', { q: 'ad a', limit: 50, offset: 0, none: undefined, blank: '' })).toBe('/p?q=ad+a&limit=50&offset=0')
    expect(withQuery('/p', { q: '' })).toBe('/p')
  })

  it('turns a {code,message} body into a typed ApiError', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'bad_request', message: 'Unknown location: moon' }, 400))
    const error = await api.post('/api/admin/players/p1/move', { locationId: 'moon' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'bad_request', message: 'Unknown location: moon' })
  })

  it('derives the code from the status when the body is not JSON', async () => {
    stubFetch(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    await expect(api.get('/api/admin/npcs')).rejects.toMatchObject({ status: 502, code: 'unavailable', message: 'Bad Gateway' })
  })

  it('reports an unreachable server as status 0 unavailable', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(api.get('/api/admin/npcs')).rejects.toMatchObject({ status: 0, code: 'unavailable' })
  })

  it('on a 401 with a token, ends the session and calls the login handler', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'unauthorized', message: 'Token expired' }, 401))
    await expect(api.get('/api/admin/players')).rejects.toMatchObject({ status: 401, code: 'unauthorized' })
    expect(getSession()).toBeNull()
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not redirect on a 401 of the login call itself (wrong password)', async () => {
    stubFetch(() => json({ code: 'unauthorized', message: 'Unknown name or wrong password' }, 401))
    await expect(request('/api/auth/login', { method: 'POST', body: {}, auth: false })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('keeps the session on a 403', async () => {
    signIn('player')
    stubFetch(() => json({ code: 'forbidden', message: 'Admins only' }, 403))
    await expect(api.get('/api/admin/stats')).rejects.toMatchObject({ status: 403, code: 'forbidden' })
    expect(getSession()?.name).toBe('Ada')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('answers undefined for 204 No Content', async () => {
    signIn('admin')
    stubFetch(() => new Response(null, { status: 204 }))
    await expect(api.del('/api/admin/npcs/mara/memories/m1')).resolves.toBeUndefined()
  })
})
