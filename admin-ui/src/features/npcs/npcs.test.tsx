import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, renderPage, signIn, stubFetch, type FetchCall } from '@/test/utils'
import { NpcDetailPage, NpcsPage } from '.'
import type { MemoryRecord } from './schema'

const memory = (id: string, text: string, kind = 'observation'): MemoryRecord => ({
  id,
  ownerId: 'npc:mara',
  kind,
  text,
  importance: 4,
  createdAt: 1_764_069_000_000,
  lastAccessAt: 1_764_069_500_000,
  subjectId: 'p-ada',
  evidence: kind === 'reflection' ? ['m1', 'm2'] : null,
})

const heard: MemoryRecord = {
  ...memory('m4', 'Bram says that Ada killed the grey wolf in the Ford.'),
  visibility: 'public',
  provenance: { source: 'heard', heardFrom: 'bram', hops: 1, locationId: 'ford', happenedAt: 1_764_068_000_000, eventId: 'e1', gist: 'Ada killed the grey wolf in the Ford.' },
}

const memories = [heard, memory('m3', 'Ada seems to trust Bram.', 'reflection'), memory('m2', 'Ada asked about the crypt.', 'conversation'), memory('m1', 'Ada walked in soaked.')]

const mara = {
  id: 'mara',
  name: 'Mara',
  title: 'the innkeeper',
  locationId: 'inn',
  locationName: 'The Inn',
  conversations: 2,
  persona: 'A warm, sharp-eyed innkeeper who hears every rumour.',
  knowledge: ['The crypt key was lost years ago.', 'Bram owes her money.'],
  memories,
  memoriesAvailable: true,
}

describe('NpcsPage', () => {
  it('lists NPCs with conversations and memories, unknown counts as a dash', async () => {
    signIn('admin')
    stubFetch((c) =>
      c.url === '/api/admin/npcs'
        ? json([
            { id: 'mara', name: 'Mara', title: 'the innkeeper', locationId: 'inn', locationName: 'The Inn', conversations: 2, memories: 3 },
            { id: 'bram', name: 'Bram', title: 'the smith', locationId: 'forge', locationName: 'Forge', conversations: 0, memories: null },
          ])
        : undefined,
    )
    renderPage(<NpcsPage />, '/admin/npcs')
    const row = await screen.findByTestId('npc-row-mara')
    expect(row).toHaveTextContent('The Inn')
    expect(row).toHaveTextContent('2')
    expect(row).toHaveTextContent('3')
    expect(screen.getByTestId('npc-row-bram')).toHaveTextContent('—')
  })
})

describe('NpcDetailPage', () => {
  const open = () => renderPage(<NpcDetailPage />, '/admin/npcs/mara', '/admin/npcs/:id')

  function api(extra: (c: FetchCall) => Response | undefined = () => undefined) {
    let current = [...memories]
    return stubFetch((c) => {
      const answer = extra(c)
      if (answer) return answer
      if (c.url === '/api/admin/npcs/mara') return json({ ...mara, memories: current })
      const del = /^\/api\/admin\/npcs\/mara\/memories\/(.+)$/.exec(c.url)
      if (del && c.method === 'DELETE') {
        current = current.filter((m) => m.id !== del[1])
        return new Response(null, { status: 204 })
      }
      return undefined
    })
  }

  it('shows persona, knowledge and memories', async () => {
    signIn('admin')
    api()
    open()
    const detail = await screen.findByTestId('npc-detail')
    expect(detail).toHaveTextContent('sharp-eyed innkeeper')
    expect(detail).toHaveTextContent('The Inn')
    expect(screen.getByText('Bram owes her money.')).toBeInTheDocument()
    expect(detail).toHaveTextContent('Ada seems to trust Bram.') // memories are part of the detail
    expect(screen.getByTestId('npc-memory-m3')).toHaveTextContent('Ada seems to trust Bram.')
    expect(screen.getByTestId('npc-memory-m3')).toHaveTextContent('reflection')
    expect(screen.getByTestId('npc-memory-m3')).toHaveTextContent('rests on 2 memories')
    expect(screen.getByText('Memories (4)')).toBeInTheDocument()
    // where each piece of knowledge came from
    expect(screen.getByTestId('npc-memory-source-m4')).toHaveTextContent('heard from bram (happened at ford)')
    expect(screen.getByTestId('npc-memory-source-m2')).toHaveTextContent('told by the player')
    expect(screen.getByTestId('npc-memory-source-m1')).toHaveTextContent('witnessed')
  })

  it('deletes a memory after confirmation', async () => {
    signIn('admin')
    const fetch = api()
    open()
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('npc-memory-delete-m2'))
    expect(screen.getByRole('dialog')).toHaveTextContent('Ada asked about the crypt.')
    await user.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(screen.queryByTestId('npc-memory-m2')).not.toBeInTheDocument())
    expect(screen.getByTestId('npc-memory-m1')).toBeInTheDocument()
    expect(await screen.findByTestId('toast')).toHaveTextContent('Memory deleted.')
    expect(fetch.requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/admin/npcs/mara/memories/m2')
  })

  it('searches memories through memory-service', async () => {
    signIn('admin')
    const fetch = api((c) => (c.url.startsWith('/api/admin/npcs/mara/memories?') ? json([memory('m2', 'Ada asked about the crypt.', 'conversation')]) : undefined))
    open()
    await screen.findByTestId('npc-memory-m3')
    await userEvent.setup().type(screen.getByTestId('npc-memory-search'), 'crypt')
    await waitFor(() => expect(screen.queryByTestId('npc-memory-m3')).not.toBeInTheDocument())
    expect(await screen.findByTestId('npc-memory-m2')).toBeInTheDocument()
    expect(fetch.requests.some((r) => r.url === '/api/admin/npcs/mara/memories?q=crypt&limit=50')).toBe(true)
  })

  it('says when memory-service is down', async () => {
    signIn('admin')
    api((c) => (c.url === '/api/admin/npcs/mara' ? json({ ...mara, memories: [], memoriesAvailable: false }) : undefined))
    open()
    expect(await screen.findByText('memory-service is down')).toBeInTheDocument()
    expect(screen.getByTestId('npc-memory-search')).toBeDisabled()
    expect(within(screen.getByTestId('npc-detail')).getAllByText('2').length).toBeGreaterThan(0)
  })
})
