import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { square } from '@/test/fixtures'
import { parseServerFrame } from '../schema'
import { RoomPanel } from './room-panel'

describe('RoomPanel and the living world', () => {
  it('shows the game clock, the weather and a pause under the description', () => {
    const now = { day: 3, time: '21:05', night: true, event: 'storm', eventName: 'Storm', eventText: 'A storm lashes Thornwall.', paused: true }
    render(<RoomPanel location={{ ...square, now }} player={null} onCommand={() => {}} />)
    expect(screen.getByTestId('room-now')).toHaveTextContent('Day 3, 21:05 · night · A storm lashes Thornwall. · the world is paused')
  })

  it('reads the clock from a frame, and a malformed one as none', () => {
    const frame = parseServerFrame('{"type":"welcome","player":{"id":"p"},"location":{"id":"square","now":{"day":2,"time":"08:00","night":false}}}')
    expect(frame).toMatchObject({ location: { now: { day: 2, time: '08:00', night: false, event: null, paused: false } } })
    const odd = parseServerFrame('{"type":"welcome","player":{"id":"p"},"location":{"id":"square","now":"noon"}}')
    expect(odd).toMatchObject({ location: { now: null } })
  })

  it('shows nothing of it for a server that sends no clock', () => {
    render(<RoomPanel location={square} player={null} onCommand={() => {}} />)
    expect(screen.queryByTestId('room-now')).toBeNull()
  })
})
