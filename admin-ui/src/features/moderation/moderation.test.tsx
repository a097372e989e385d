import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, renderPage, signIn, stubFetch, type FetchCall } from '@/test/utils'
import { ModerationPage } from '.'

const flag = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  ts: new Date(Date.now() - 2 * 60_000).toISOString(),
  source: 'say',
  playerId: 'p-1',
  playerName: 'Ada',
  actionId: `a-${id}`,
  text: 'say something rude',
  categories: ['words'],
  checker: 'words',
  ...over,
})

/** The moderation API: pages of `total` flags and a mode that PUT changes; `extra` may answer a call first. */
function moderationApi(flags: unknown[], total = flags.length, extra: (c: FetchCall) => Response | undefined = () => undefined) {
  let mode = 'words'
  return stubFetch((c) => {
    const answer = extra(c)
    if (answer) return answer
    if (c.url.startsWith('/api/admin/moderation?') && c.method === 'GET') {
      const offset = Number(new URL(c.url, 'http://x').searchParams.get('offset'))
      return json({ total, flags: offset === 0 ? flags : [flag(999, { text: 'an older one' })] })
    }
    if (c.url === '/api/admin/moderation/settings' && c.method === 'GET') return json({ mode })
    if (c.url === '/api/admin/moderation/settings' && c.method === 'PUT') {
      mode = (c.body as { mode: string }).mode
      return json({ mode })
    }
    return undefined
  })
}

const open = () => renderPage(<ModerationPage />, '/admin/moderation')

describe('ModerationPage', () => {
  it('lists the flags with their kind, player, text, reason and checker', async () => {
    signIn('admin')
    moderationApi([flag(1), flag(2, { source: 'narration', playerId: null, playerName: null, categories: [], checker: 'words-fallback', text: 'the model said it' })], 2)
    open()
    const row = await screen.findByTestId('flag-1')
    expect(row).toHaveTextContent('said')
    expect(row).toHaveTextContent('Ada')
    expect(row).toHaveTextContent('say something rude')
    expect(row).toHaveTextContent('words')
    expect(row).toHaveTextContent('2 min ago')
    const narration = screen.getByTestId('flag-2')
    expect(narration).toHaveTextContent('narration')
    expect(narration).toHaveTextContent('the model said it')
    expect(narration).toHaveTextContent('words-fallback')
    expect(screen.getByTestId('moderation-total')).toHaveTextContent('2 flagged texts (showing 1–2)')
  })

  it('drops a malformed flag, not the page', async () => {
    signIn('admin')
    moderationApi([flag(1), 'not a flag', { id: 3 }], 3)
    open()
    expect(await screen.findByTestId('flag-1')).toBeInTheDocument()
    expect(screen.getByTestId('flag-3')).toBeInTheDocument()
  })

  it('says when nothing was flagged', async () => {
    signIn('admin')
    moderationApi([])
    open()
    expect(await screen.findByText('Nothing flagged: no player text withheld, no model output replaced.')).toBeInTheDocument()
  })

  it('pages to older flags', async () => {
    signIn('admin')
    const fetch = moderationApi([flag(1)], 51)
    open()
    await screen.findByTestId('flag-1')
    expect(screen.getByTestId('moderation-newer')).toBeDisabled()
    await userEvent.setup().click(screen.getByTestId('moderation-older'))
    expect(await screen.findByTestId('flag-999')).toHaveTextContent('an older one')
    expect(fetch.requests.some((r) => r.url === '/api/admin/moderation?limit=50&offset=50')).toBe(true)
  })

  it('shows the mode and changes it', async () => {
    signIn('admin')
    const fetch = moderationApi([])
    open()
    await waitFor(() => expect(screen.getByTestId('moderation-mode-words')).toHaveAttribute('aria-pressed', 'true'))
    await userEvent.setup().click(screen.getByTestId('moderation-mode-off'))
    await waitFor(() => expect(screen.getByTestId('moderation-mode-off')).toHaveAttribute('aria-pressed', 'true'))
    const put = fetch.requests.find((r) => r.method === 'PUT')
    expect(put).toMatchObject({ url: '/api/admin/moderation/settings', headers: { authorization: 'Bearer token-of-admin' } })
    expect(put?.body).toEqual({ mode: 'off' })
    expect(screen.getByTestId('toast')).toHaveTextContent('Moderation is now "off".')
  })

  it('keeps the mode and says why when the change is refused', async () => {
    signIn('admin')
    moderationApi([], 0, (c) => (c.method === 'PUT' ? json({ code: 'forbidden', message: 'admins only' }, 403) : undefined))
    open()
    await waitFor(() => expect(screen.getByTestId('moderation-mode-words')).toHaveAttribute('aria-pressed', 'true'))
    await userEvent.setup().click(screen.getByTestId('moderation-mode-endpoint'))
    expect(await screen.findByTestId('toast')).toHaveAttribute('data-tone', 'error')
    expect(screen.getByTestId('toast')).toHaveTextContent('admins only')
    expect(screen.getByTestId('moderation-mode-words')).toHaveAttribute('aria-pressed', 'true')
  })

  it('explains a failure to load', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'unavailable', message: 'PostgreSQL is down' }, 503))
    open()
    expect(await screen.findByText('Flags could not be loaded')).toBeInTheDocument()
  })
})
