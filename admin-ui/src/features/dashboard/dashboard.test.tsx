import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AdminStreamProvider } from '@/features/live'
import { stats } from '@/test/fixtures'
import { renderPage, signIn, sseResponse, stubFetch } from '@/test/utils'
import { DashboardPage } from '.'

describe('DashboardPage', () => {
  it('shows the figures of the latest stream event and says it is live', async () => {
    signIn('admin')
    const first = stats({ playersOnline: 2 })
    const second = stats({ playersOnline: 3, fallbacks: { lastMinute: 2, rate: 0.05 } })
    stubFetch((c) =>
      c.url === '/api/admin/stream'
        ? sseResponse([`event: stats\ndata: ${JSON.stringify(first)}\n\n`, `: ping\n\nevent: stats\ndata: ${JSON.stringify(second)}\n\n`], c.signal)
        : undefined,
    )
    renderPage(
      <AdminStreamProvider>
        <DashboardPage />
      </AdminStreamProvider>,
      '/admin',
    )
    expect(await screen.findByTestId('stat-players-online')).toHaveTextContent('3')
    expect(screen.getByTestId('stat-players-online')).toHaveTextContent('of 12 registered')
    expect(screen.getByTestId('stat-actions-per-second')).toHaveTextContent('2.4')
    expect(screen.getByTestId('stat-p95')).toHaveTextContent('40 ms')
    expect(screen.getByTestId('stat-p95')).toHaveTextContent('p50 12 ms · p99 80 ms')
    expect(screen.getByTestId('stat-cache-hit-rate')).toHaveTextContent('25.0%')
    expect(screen.getByTestId('stat-fallback-rate')).toHaveTextContent('5.0%')
    expect(screen.getByTestId('stat-rate-limited')).toHaveTextContent('7')
    expect(screen.getByTestId('live-indicator')).toHaveTextContent('live')
    const backend = screen.getByTestId('backend-row-world')
    expect(within(backend).getByText('41.5')).toBeInTheDocument()
    expect(within(backend).getByText('12.0%')).toBeInTheDocument()
  })

  it('shows unknown figures as a dash', async () => {
    signIn('admin')
    const empty = stats({ actions: { perSecond: 0, lastMinute: 0, p50Ms: null, p95Ms: null, p99Ms: null }, backends: [], cache: { hits: 0, misses: 0, hitRate: null } })
    stubFetch((c) => sseResponse([`event: stats\ndata: ${JSON.stringify(empty)}\n\n`], c.signal))
    renderPage(
      <AdminStreamProvider>
        <DashboardPage />
      </AdminStreamProvider>,
      '/admin',
    )
    expect(await screen.findByTestId('stat-p95')).toHaveTextContent('—')
    expect(screen.getByTestId('stat-cache-hit-rate')).toHaveTextContent('—')
    expect(screen.getByText(/No LLM backend configured/)).toBeInTheDocument()
  })

  it('is not live before the stream answers', async () => {
    signIn('admin')
    stubFetch(() => new Promise<Response>(() => {}))
    renderPage(
      <AdminStreamProvider>
        <DashboardPage />
      </AdminStreamProvider>,
      '/admin',
    )
    expect(await screen.findByTestId('live-indicator')).toHaveTextContent('connecting')
    expect(screen.getByText('Waiting for the live stream…')).toBeInTheDocument()
  })
})
