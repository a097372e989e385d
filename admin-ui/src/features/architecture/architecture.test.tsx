import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AdminStreamProvider } from '@/features/live'
import { topology } from '@/test/fixtures'
import { renderPage, signIn, sseResponse, stubFetch } from '@/test/utils'
import { ArchitecturePage } from '.'

function renderWith(downs: string[]) {
  signIn('admin')
  stubFetch((c) => (c.url === '/api/admin/stream' ? sseResponse([`event: topology\ndata: ${JSON.stringify(topology(downs))}\n\n`], c.signal) : undefined))
  return renderPage(
    <AdminStreamProvider>
      <ArchitecturePage />
    </AdminStreamProvider>,
    '/admin/architecture',
  )
}

describe('ArchitecturePage', () => {
  it('draws every node and marks a DOWN one red', async () => {
    renderWith(['redis'])
    const redis = await screen.findByTestId('arch-node-redis')
    expect(redis).toHaveAttribute('data-status', 'DOWN')
    expect(redis.querySelector('rect')).toHaveAttribute('stroke', '#f43f5e')
    expect(screen.getByTestId('arch-node-gateway')).toHaveAttribute('data-status', 'UP')
    expect(screen.getByTestId('arch-node-gateway').querySelector('rect')).toHaveAttribute('stroke', '#10b981')
    expect(screen.getByTestId('arch-node-llm:world')).toBeInTheDocument()
    expect(screen.getByText('Down: redis')).toBeInTheDocument()
    expect(screen.getByTestId('arch-status')).toHaveTextContent('DEGRADED')
    // edges into the failed store are drawn red too
    expect(document.querySelector('[data-edge="gateway->redis"]')).toHaveAttribute('stroke', '#f43f5e')
  })

  it('opens the detail of a clicked node and follows its links', async () => {
    renderWith(['redis'])
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('arch-node-redis'))
    const detail = screen.getByTestId('arch-detail')
    expect(within(detail).getByTestId('arch-detail-status')).toHaveTextContent('DOWN')
    expect(detail).toHaveTextContent('0.1.0-SNAPSHOT')
    expect(detail).toHaveTextContent('20m 34s')
    await user.click(within(detail).getByRole('button', { name: 'orchestrator' }))
    expect(screen.getByTestId('arch-detail')).toHaveAttribute('data-node', 'orchestrator')
  })

  it('shows the metrics of an LLM replica, opened from the keyboard', async () => {
    renderWith([])
    const user = userEvent.setup()
    const node = await screen.findByTestId('arch-node-llm:world')
    node.focus()
    await user.keyboard('{Enter}')
    const detail = screen.getByTestId('arch-detail')
    expect(detail).toHaveTextContent('tokensPerSecond')
    expect(detail).toHaveTextContent('41.50')
    expect(detail).toHaveTextContent('12.0%')
  })
})
