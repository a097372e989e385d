// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { stats, topology } from '@/test/fixtures'
import { HISTORY_SIZE, initialLiveState, liveReducer } from './store'

describe('liveReducer', () => {
  it('keeps the latest stats and a bounded history', () => {
    let s = initialLiveState
    for (let i = 0; i < HISTORY_SIZE + 5; i++) s = liveReducer(s, { type: 'stats', stats: stats({ playersOnline: i }) })
    expect(s.history).toHaveLength(HISTORY_SIZE)
    expect(s.history[0]?.playersOnline).toBe(5)
    expect(s.stats?.playersOnline).toBe(HISTORY_SIZE + 4)
  })

  it('stores the topology with its arrival time and tracks status', () => {
    let s = liveReducer(initialLiveState, { type: 'topology', topology: topology(), receivedAt: 42 })
    expect(s.topologyAt).toBe(42)
    s = liveReducer(s, { type: 'status', status: 'live' })
    expect(s.status).toBe('live')
    expect(liveReducer(s, { type: 'status', status: 'live' })).toBe(s)
  })
})
