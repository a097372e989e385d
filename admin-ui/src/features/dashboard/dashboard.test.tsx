import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AdminStreamProvider } from '@/features/live'
import { admission, stats } from '@/test/fixtures'
import { renderPage, signIn, sseResponse, stubFetch } from '@/test/utils'
import { DashboardPage } from '.'

/** Renders the Dashboard on one `stats` event whose JSON is given as is. */
async function showStats(event: unknown) {
  signIn('admin')
  stubFetch((c) => (c.url === '/api/admin/stream' ? sseResponse([`event: stats\ndata: ${JSON.stringify(event)}\n\n`], c.signal) : undefined))
  renderPage(
    <AdminStreamProvider>
      <DashboardPage />
    </AdminStreamProvider>,
    '/admin',
  )
  expect(await screen.findByTestId('stat-players-online')).toHaveTextContent('3')
}

const world = stats().backends[0]!
const npc = { name: 'npc-1', role: 'npc', healthy: true, waiting: 0, running: 0, tokensPerSecond: 3, kvCacheUsage: 0.1, admission: null }

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

describe('World model admission card', () => {
  it('shows slots, queue depth, admissions and degradations by priority and reason for each world backend', async () => {
    await showStats(stats({ backends: [{ ...world, admission: admission() }, npc] }))
    const card = screen.getByTestId('admission-card')
    expect(within(card).getByText('World model admission')).toBeInTheDocument()
    expect(within(card).queryByTestId('admission-npc-1')).not.toBeInTheDocument()
    expect(screen.getByTestId('admission-slots-world')).toHaveTextContent('12 of 64')
    expect(screen.getByTestId('admission-slots-world')).toHaveTextContent('shared across replicas')
    expect(within(screen.getByTestId('admission-slots-world')).getByRole('meter')).toHaveAttribute('aria-valuenow', '12')
    const queue = screen.getByTestId('admission-queue-world')
    expect(queue).toHaveTextContent('8')
    expect(queue).toHaveTextContent('high 3 · normal 5 of 16 cap')
    expect(queue).toHaveTextContent('at most 64 waiting')
    expect(queue).not.toHaveTextContent("get the rules' text now")
    expect(screen.getByTestId('admission-admitted-world')).toHaveTextContent('4,600')
    expect(screen.getByTestId('admission-admitted-world')).toHaveTextContent('high 1,200 · normal 3,400')
    const degraded = screen.getByTestId('admission-degraded-world')
    expect(degraded).toHaveTextContent('143')
    expect(degraded).toHaveTextContent('high 2 · normal 141')
    expect(screen.getByTestId('admission-degraded-reasons-world')).toHaveTextContent('busy 140 · timeout 3 · error 0 · circuit open 0')
    expect(screen.getByTestId('admission-cluster-world')).toHaveAttribute('data-state', 'redis')
    expect(screen.getByTestId('admission-cluster-fallbacks-world')).toHaveTextContent('0 cluster fallbacks')
    expect(screen.queryByTestId('admission-local-warning-world')).not.toBeInTheDocument()
    expect(screen.queryByTestId('admission-none')).not.toBeInTheDocument()
  })

  it('warns when a replica admits under its local limit because Redis is unreachable', async () => {
    await showStats(stats({ backends: [{ ...world, admission: admission({ clusterLimit: 'local', clusterFallbacks: 3, queuedNormal: 16 }) }] }))
    expect(screen.getByTestId('admission-cluster-world')).toHaveAttribute('data-state', 'local')
    expect(screen.getByTestId('admission-cluster-world')).toHaveTextContent('Redis unreachable')
    expect(screen.getByTestId('admission-local-warning-world')).toHaveTextContent('its own limit of 64 streams')
    expect(screen.getByRole('alert')).toBe(screen.getByTestId('admission-local-warning-world'))
    expect(screen.getByTestId('admission-cluster-fallbacks-world')).toHaveTextContent('3 cluster fallbacks')
    expect(screen.getByTestId('admission-slots-world')).toHaveTextContent("this replica's own limit")
    expect(screen.getByTestId('admission-queue-world')).toHaveTextContent("normal narrations get the rules' text now")
  })

  it('says so quietly when the world backend sends no admission (an older orchestrator)', async () => {
    const { admission: _none, ...older } = world
    await showStats({ ...stats(), backends: [older, npc] })
    expect(screen.getByTestId('admission-none')).toHaveTextContent('No admission figures')
    expect(screen.queryByTestId('admission-world')).not.toBeInTheDocument()
    expect(within(screen.getByTestId('backend-row-world')).getByText('41.5')).toBeInTheDocument()
  })

  it('is hidden on a rules-only platform', async () => {
    await showStats(stats({ backends: [] }))
    expect(screen.getByText(/No LLM backend configured/)).toBeInTheDocument()
    expect(screen.queryByTestId('admission-card')).not.toBeInTheDocument()
  })

  it('keeps the dashboard working with malformed admission figures', async () => {
    await showStats({
      ...stats(),
      backends: [
        null,
        { ...world, admission: 'saturated' },
        { ...world, name: 'world-2', admission: { running: 'many', maxConcurrent: 8, degradedHigh: [1, 2], degradedNormal: { busy: 'x', timeout: 4 }, clusterLimit: 5, clusterFallbacks: null } },
      ],
    })
    expect(screen.getByTestId('stat-p95')).toHaveTextContent('40 ms')
    expect(screen.getByTestId('backend-row-world')).toBeInTheDocument()
    expect(screen.queryByTestId('admission-world')).not.toBeInTheDocument()
    expect(screen.getByTestId('admission-slots-world-2')).toHaveTextContent('— of 8')
    expect(screen.getByTestId('admission-queue-world-2')).toHaveTextContent('high — · normal — of — cap')
    expect(screen.getByTestId('admission-admitted-world-2')).toHaveTextContent('—')
    expect(screen.getByTestId('admission-degraded-world-2')).toHaveTextContent('high — · normal 4')
    expect(screen.getByTestId('admission-degraded-reasons-world-2')).toHaveTextContent('timeout 4')
    expect(screen.getByTestId('admission-cluster-world-2')).toHaveAttribute('data-state', 'unknown')
    expect(screen.getByTestId('admission-cluster-fallbacks-world-2')).toHaveTextContent('— cluster fallbacks')
    expect(screen.queryByTestId('admission-local-warning-world-2')).not.toBeInTheDocument()
  })
})
