import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { json, renderPage, signIn, stubFetch } from '@/test/utils'
import { MetricsPage } from '.'

const history = {
  stepSeconds: 10,
  points: [
    { at: 1_764_070_000_000, actions: 24, p50Ms: 12, p95Ms: 40, p99Ms: 80, ttftP50Ms: 300, ttftP95Ms: 800, rateLimited: 1, fallbacks: 2, cacheHits: 3, cacheMisses: 5, backends: { world: { tokensPerSecond: 40, kvCacheUsage: 0.1, waiting: 0 } } },
    { at: 1_764_070_010_000, actions: 6, p50Ms: 10, p95Ms: 35, p99Ms: 60, ttftP50Ms: null, ttftP95Ms: null, rateLimited: 0, fallbacks: 1, cacheHits: 0, cacheMisses: 1, backends: {} },
  ],
}

describe('MetricsPage', () => {
  // jsdom lays nothing out: give the charts' containers a size as a browser would (and nothing else one).
  beforeEach(() => {
    const original = HTMLElement.prototype.getBoundingClientRect
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      if (!this.classList.contains('recharts-responsive-container')) return original.call(this)
      return { x: 0, y: 0, top: 0, left: 0, bottom: 220, right: 480, width: 480, height: 220, toJSON: () => ({}) }
    })
  })

  it('charts the history and sums the window', async () => {
    signIn('admin')
    const fetch = stubFetch((c) => (c.url.startsWith('/api/admin/metrics/history') ? json(history) : undefined))
    renderPage(<MetricsPage />, '/admin/metrics')
    expect(await screen.findByTestId('metrics-total-actions')).toHaveTextContent('30')
    expect(screen.getByTestId('metrics-latest-p95')).toHaveTextContent('35 ms')
    expect(screen.getByTestId('metrics-total-fallbacks')).toHaveTextContent('3')
    expect(screen.getByTestId('metrics-total-rate-limited')).toHaveTextContent('1')
    for (const title of ['Action latency', 'Time to first token', 'Tokens per second by backend', 'KV-cache usage by backend', 'Narration cache', 'Fallbacks and rate limiting']) {
      expect(screen.getByText(title)).toBeInTheDocument()
    }
    expect(fetch.requests[0]?.url).toBe('/api/admin/metrics/history?minutes=30')
    // one line per series: latency p50/p95/p99 and the world backend's tokens/s among them
    await waitFor(() => expect(screen.getByTestId('chart-latency').querySelectorAll('.recharts-line')).toHaveLength(3))
    expect(screen.getByTestId('chart-tokens').querySelectorAll('.recharts-line')).toHaveLength(1)
  })

  it('changes the window', async () => {
    signIn('admin')
    const fetch = stubFetch((c) => (c.url.startsWith('/api/admin/metrics/history') ? json(history) : undefined))
    renderPage(<MetricsPage />, '/admin/metrics')
    await screen.findByTestId('metrics-total-actions')
    await userEvent.setup().click(screen.getByTestId('metrics-range-60'))
    await waitFor(() => expect(fetch.requests.some((r) => r.url === '/api/admin/metrics/history?minutes=60')).toBe(true))
    expect(screen.getByTestId('metrics-range-60')).toHaveAttribute('aria-pressed', 'true')
  })

  it('explains a failure', async () => {
    signIn('admin')
    stubFetch(() => json({ code: 'forbidden', message: 'Admins only' }, 403))
    renderPage(<MetricsPage />, '/admin/metrics')
    expect(await screen.findByRole('alert')).toHaveTextContent('Admins only')
  })
})
