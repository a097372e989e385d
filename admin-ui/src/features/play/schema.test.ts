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

  it('reads sequence numbers and the resume verdict', () => {
    const welcome = (extra: string) =>
      parseServerFrame(`{"type":"welcome","player":{"id":"p"},"location":{"id":"square"}${extra}}`) as { seq: unknown; resume: unknown }
    expect(welcome(',"seq":41,"resume":"ok"')).toMatchObject({ seq: 41, resume: 'ok' })
    expect(welcome(',"seq":0,"resume":"expired"')).toMatchObject({ seq: 0, resume: 'expired' })
    // an older server: no seq, no resume; nonsense values count as absent
    expect(welcome('')).toMatchObject({ seq: null, resume: null })
    expect(welcome(',"seq":"7","resume":"maybe"')).toMatchObject({ seq: null, resume: null })
    expect(welcome(',"seq":-1')).toMatchObject({ seq: null })

    expect(parseServerFrame('{"type":"result","seq":42,"actionId":"a1","text":"t"}')).toMatchObject({ seq: 42, actionId: 'a1' })
    expect(parseServerFrame('{"type":"event","seq":43,"kind":"say","text":"t"}')).toMatchObject({ seq: 43 })
    expect(parseServerFrame('{"type":"error","seq":44,"actionId":"a2","code":"busy","message":"m"}')).toMatchObject({ seq: 44, actionId: 'a2' })
    // frames without seq (gateway errors, deltas) have no seq property at all
    expect(parseServerFrame('{"type":"error","actionId":"a3","code":"rate_limited","message":"m"}')).not.toHaveProperty('seq')
    expect(parseServerFrame('{"type":"result","seq":1.5,"actionId":"a1","text":"t"}')).not.toHaveProperty('seq')
  })

  it('rejects garbage and unknown types', () => {
    expect(parseServerFrame('not json')).toBeNull()
    expect(parseServerFrame('[1,2]')).toBeNull()
    expect(parseServerFrame('{"type":"mystery"}')).toBeNull()
    expect(parseServerFrame('{"type":"narration","actionId":"a1"}')).toBeNull()
    expect(parseServerFrame('{"type":"welcome","player":{}}')).toBeNull()
  })
})

describe('parseServerFrame defaults', () => {
  it('fills what a result, event or error leaves out', () => {
    expect(parseServerFrame('{"type":"result","actionId":"a1","player":{"name":"no id"},"location":"square"}')).toEqual({
      type: 'result',
      actionId: 'a1',
      text: '',
      source: 'rules',
      player: null,
      location: null,
    })
    expect(parseServerFrame('{"type":"event","text":"A bell rings."}')).toEqual({ type: 'event', kind: 'event', from: null, text: 'A bell rings.' })
    expect(parseServerFrame('{"type":"error"}')).toEqual({ type: 'error', actionId: null, code: 'internal', message: 'Something went wrong.' })
    expect(parseServerFrame('{"type":"event","kind":"say"}')).toBeNull()
  })
})
