// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { parseSse, SseParser } from './sse'

/** Feeds `text` to a fresh parser cut at every given offset, returning all events. */
function feedSplit(text: string, cuts: number[]) {
  const parser = new SseParser()
  const events = []
  let prev = 0
  for (const cut of [...cuts, text.length]) {
    events.push(...parser.push(text.slice(prev, cut)))
    prev = cut
  }
  return [...events, ...parser.end()]
}

const STREAM = 'event: stats\ndata: {"a":1}\n\n: ping\n\nevent: topology\ndata: {"b":2}\n\n'

describe('SseParser', () => {
  it('parses named events with their data', () => {
    expect(parseSse(STREAM)).toEqual([
      { event: 'stats', data: '{"a":1}' },
      { event: 'topology', data: '{"b":2}' },
    ])
  })

  it('defaults the event name to message', () => {
    expect(parseSse('data: hello\n\n')).toEqual([{ event: 'message', data: 'hello' }])
  })

  it('joins multi-line data with newlines', () => {
    expect(parseSse('data: one\ndata: two\ndata:\ndata: four\n\n')).toEqual([{ event: 'message', data: 'one\ntwo\n\nfour' }])
  })

  it('skips comments, and a comment-only block dispatches nothing', () => {
    const parser = new SseParser()
    expect(parser.push(': ping\n\n:another\n\n')).toEqual([])
    expect(parser.comments).toBe(2)
  })

  it('strips exactly one space after the colon', () => {
    expect(parseSse('data:no-space\n\n')[0]?.data).toBe('no-space')
    expect(parseSse('data:  two-spaces\n\n')[0]?.data).toBe(' two-spaces')
  })

  it('keeps colons inside the value', () => {
    expect(parseSse('data: {"url":"http://x:8080"}\n\n')[0]?.data).toBe('{"url":"http://x:8080"}')
  })

  it('treats a field line without a colon as the field with an empty value', () => {
    expect(parseSse('data\n\n')).toEqual([{ event: 'message', data: '' }])
  })

  it('does not dispatch an event without data, and resets the event name after each block', () => {
    expect(parseSse('event: stats\n\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }])
  })

  it('ignores unknown fields', () => {
    expect(parseSse('foo: bar\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }])
  })

  it('accepts CRLF and lone CR line endings', () => {
    expect(parseSse('event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r')).toEqual([
      { event: 'a', data: '1' },
      { event: 'b', data: '2' },
    ])
  })

  it('gives the same events whatever the chunk boundaries', () => {
    const expected = parseSse(STREAM)
    for (let cut = 0; cut <= STREAM.length; cut++) expect(feedSplit(STREAM, [cut])).toEqual(expected)
    // every character its own chunk
    expect(feedSplit(STREAM, [...Array(STREAM.length).keys()])).toEqual(expected)
  })

  it('does not count a CRLF split across chunks as two line endings', () => {
    const text = 'data: a\r\n\r\ndata: b\r\n\r\n'
    const expected = [
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
    ]
    for (let cut = 0; cut <= text.length; cut++) expect(feedSplit(text, [cut])).toEqual(expected)
  })

  it('waits for the blank line before dispatching', () => {
    const parser = new SseParser()
    expect(parser.push('event: stats\ndata: {"a"')).toEqual([])
    expect(parser.push(':1}\n')).toEqual([])
    expect(parser.push('\n')).toEqual([{ event: 'stats', data: '{"a":1}' }])
  })

  it('drops an unterminated event at the end of the stream', () => {
    const parser = new SseParser()
    expect(parser.push('data: partial\n')).toEqual([])
    expect(parser.end()).toEqual([])
  })

  it('decodes UTF-8 split inside a multi-byte character', () => {
    const bytes = new TextEncoder().encode('data: café ☕ ok\n\n')
    const parser = new SseParser()
    const events = []
    for (const b of bytes) events.push(...parser.pushBytes(new Uint8Array([b])))
    expect(events).toEqual([{ event: 'message', data: 'café ☕ ok' }])
  })

  it('strips a leading byte-order mark', () => {
    expect(parseSse('\uFEFFdata: x\n\n')).toEqual([{ event: 'message', data: 'x' }])
  })

  it('tracks the last event id and the retry time', () => {
    const parser = new SseParser()
    const events = parser.push('id: 7\nretry: 2500\ndata: a\n\ndata: b\n\nretry: soon\n\n')
    expect(events).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
    ])
    expect(parser.retryMs).toBe(2500)
  })
})
