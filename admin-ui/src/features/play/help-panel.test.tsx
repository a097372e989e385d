import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { ada, square } from '@/test/fixtures'
import { FakeWebSocket, json, renderPage, signIn, stubFetch } from '@/test/utils'
import { PlayPage } from '.'

const HELP = 'Things you can do:\n  look (l)   look around\nYou can also just say what you mean: "pick up the lantern"'

async function playingWithHelp(answer: () => Response | undefined) {
  const fetch = stubFetch((c) => (c.url.endsWith('/api/game/help') ? answer() : undefined))
  signIn('player', 'Ada', 'p-ada')
  renderPage(<PlayPage />, '/play')
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
  act(() => {
    FakeWebSocket.last().open()
    FakeWebSocket.last().receive({ type: 'welcome', player: ada, location: square })
  })
  return fetch
}

describe('the Play page help panel', () => {
  beforeEach(() => FakeWebSocket.install())

  it('shows the server help text when opened, and asks for it only then', async () => {
    const fetch = await playingWithHelp(() => json({ text: HELP }))
    expect(fetch.requests.some((c) => c.url.endsWith('/api/game/help'))).toBe(false)
    expect(screen.queryByTestId('help-panel')).not.toBeInTheDocument()
    const user = userEvent.setup()
    await user.click(screen.getByTestId('help-toggle'))
    await waitFor(() => expect(screen.getByTestId('help-text')).toHaveTextContent('say what you mean'))
    expect(screen.getByTestId('help-text').textContent).toBe(HELP)
    await user.click(screen.getByTestId('help-close'))
    expect(screen.queryByTestId('help-panel')).not.toBeInTheDocument()
  })

  it('says so when the help text cannot be loaded', async () => {
    await playingWithHelp(() => json({ code: 'unavailable', message: 'down' }, 503))
    await userEvent.setup().click(screen.getByTestId('help-toggle'))
    await waitFor(() => expect(screen.getByTestId('help-panel')).toHaveTextContent('could not be loaded'))
  })
})
