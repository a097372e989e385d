// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { parseServerFrame } from './schema'

describe('parseServerFrame', () => {
  it('reads every frame type', () => {
    expect(parseServerFrame('{"type":"narration","actionId":"a1","delta":"Hi"}')).toEqual({ type: 'narration', actionId: 'a1', delta: 'Hi' })
    expect(parseServerFrame('{"type":"pong"}')).toEqual({ type: 'pong' })
    expect(parseServerFrame('{"type":"event","kind":"arrived","from":"Bram","text":"Bram arrives."}')).toMatchObject({ kind: 'arrived', from: 'Bram' })
    expect(parseServerFrame('{"type":"error","actionId":null,"code":"rate_limited","message":"Slow down"}')).toEqual({
      type: 'error',
      actionId: null,
      code: 'rate_limited',
      message: 'Slow down',
    })
  })

  it('fills lists a location leaves out', () => {
    const f = parseServerFrame('{"type":"welcome","player":{"id":"p","name":"Ada","locationId":"square","hp":10,"maxHp":10},"location":{"id":"square","name":"Square","description":"d"}}')
    expect(f).toMatchObject({ type: 'welcome', location: { exits: [], items: [], npcs: [], creatures: [], players: [] }, player: { inventory: [] } })
  })

  it('rejects garbage and unknown types', () => {
    expect(parseServerFrame('not json')).toBeNull()
    expect(parseServerFrame('[1,2]')).toBeNull()
    expect(parseServerFrame('{"type":"mystery"}')).toBeNull()
    expect(parseServerFrame('{"type":"narration","actionId":"a1"}')).toBeNull()
    expect(parseServerFrame('{"type":"welcome","player":{}}')).toBeNull()
  })
})
