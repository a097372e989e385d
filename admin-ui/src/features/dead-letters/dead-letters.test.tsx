import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, renderPage, signIn, stubFetch, type FetchCall } from '@/test/utils'
import { DeadLettersPage } from '.'
import type { DeadLetter } from './schema'

const letter = (id: string, over: Partial<DeadLetter> = {}): DeadLetter => ({
  id,
  kind: 'observation',
  ownerId: 'npc:mara',
  attempts: 5,
  lastError: 'embedding backend: 503 Service Unavailable',
  failedAt: Date.now() - 3 * 60_000,
  summary: 'Ada walked in soaked.',
  ...over,
})

/** The dead-letter API over a list that Replay and Delete shrink, with an optional override per call. */
function deadLetterApi(initial: DeadLetter[], total = initial.length, extra: (c: FetchCall) => Response | undefined = () => undefined) {
  let items = [...initial]
  let count = total
  return stubFetch((c) => {
    const answer = extra(c)
    if (answer) return answer
    if (c.url === '/api/admin/memory/dead-letters' && c.method === 'GET') return json({ total: count, items })
    const m = /^\/api\/admin\/memory\/dead-letters\/([^/]+)(\/replay)?$/.exec(c.url)
    if (m && ((m[2] && c.method === 'POST') || (!m[2] && c.method === 'DELETE'))) {
      items = items.filter((d) => d.id !== decodeURIComponent(m[1]!))
      count -= 1
      return new Response(null, { status: 204 })
    }
    return undefined
  })
}

const open = () => renderPage(<DeadLettersPage />, '/admin/dead-letters')

describe('DeadLettersPage', () => {
  it('lists the dead letters with their error, attempts and time', async () => {
    signIn('admin')
    deadLetterApi([letter('d1'), letter('d2', { kind: 'conversation', ownerId: null, summary: null, lastError: null, attempts: null })], 7)
    open()
    const row = await screen.findByTestId('dead-letter-d1')
    expect(row).toHaveTextContent('observation')
    expect(row).toHaveTextContent('npc:mara')
    expect(row).toHaveTextContent('Ada walked in soaked.')
    expect(row).toHaveTextContent('embedding backend: 503')
    expect(row).toHaveTextContent('5')
    expect(row).toHaveTextContent('3 min ago')
    expect(screen.getByTestId('dead-letter-d2')).toHaveTextContent('conversation')
    expect(within(screen.getByTestId('dead-letter-d2')).getAllByText('—')).toHaveLength(4)
    expect(screen.getByTestId('dead-letters-total')).toHaveTextContent('7 memory writes that failed every attempt (showing 2)')
  })

  it('says when there is none', async () => {
    signIn('admin')
    deadLetterApi([])
    open()
    expect(await screen.findByText('No dead letters: every memory write went through.')).toBeInTheDocument()
  })

  it('replays one after a confirmation', async () => {
    signIn('admin')
    const fetch = deadLetterApi([letter('d1'), letter('d 2')])
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('dead-letter-replay-d 2'))
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Replay this memory write?')
    await user.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(screen.queryByTestId('dead-letter-d 2')).not.toBeInTheDocument())
    expect(fetch.requests.find((r) => r.method === 'POST')).toMatchObject({
      url: '/api/admin/memory/dead-letters/d%202/replay',
      headers: { authorization: 'Bearer token-of-admin' },
    })
    expect(screen.getByTestId('toast')).toHaveTextContent('Replaying the observation of npc:mara.')
    expect(screen.getByTestId('dead-letter-d1')).toBeInTheDocument()
  })

  it('deletes one after a confirmation, and a cancel sends nothing', async () => {
    signIn('admin')
    const fetch = deadLetterApi([letter('d1')])
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('dead-letter-delete-d1'))
    await user.click(screen.getByTestId('confirm-cancel'))
    expect(fetch.requests.every((r) => r.method === 'GET')).toBe(true)
    await user.click(screen.getByTestId('dead-letter-delete-d1'))
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Delete this dead letter?')
    await user.click(screen.getByTestId('confirm-ok'))
    expect(await screen.findByText('No dead letters: every memory write went through.')).toBeInTheDocument()
    expect(fetch.requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/admin/memory/dead-letters/d1')
    expect(screen.getByTestId('dead-letters-total')).toHaveTextContent('0 memory writes')
  })

  it('keeps the row and says why when the replay fails', async () => {
    signIn('admin')
    deadLetterApi([letter('d1')], 1, (c) => (c.method === 'POST' ? json({ code: 'unavailable', message: 'memory-service is down' }, 503) : undefined))
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('dead-letter-replay-d1'))
    await user.click(screen.getByTestId('confirm-ok'))
    expect(await screen.findByTestId('toast')).toHaveAttribute('data-tone', 'error')
    expect(screen.getByTestId('toast')).toHaveTextContent('memory-service is down')
    expect(screen.getByTestId('dead-letter-d1')).toBeInTheDocument()
    expect(screen.queryByTestId('confirm-dialog')).not.toBeInTheDocument()
  })

  it('explains a failure to load', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'unavailable', message: 'memory-service is down' }, 502))
    open()
    expect(await screen.findByText('Dead letters could not be loaded')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('memory-service is down')
  })
})
