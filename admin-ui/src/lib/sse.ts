/**
 * A pure, incremental parser for `text/event-stream` (WHATWG HTML §9.2.6). Chunks may split anywhere,
 * including inside a UTF-8 sequence or between the CR and LF of a line ending.
 */
export interface SseEvent {
  /** `event:` field; `message` when absent. */
  event: string
  /** `data:` lines joined with "\n". */
  data: string
  /** The last event id seen so far, if any. */
  id?: string
}

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8')
  private buffer = ''
  private pendingCr = false
  private firstChunk = true
  private eventType = ''
  private data: string[] = []
  private hasData = false
  private lastId: string | undefined
  /** The server's `retry:` reconnection time in ms, once it sent one. */
  retryMs: number | undefined
  /** Lines that were comments (`: ping`), for liveness accounting. */
  comments = 0

  /** Feeds raw bytes from a stream reader. */
  pushBytes(bytes: Uint8Array): SseEvent[] {
    return this.push(this.decoder.decode(bytes, { stream: true }))
  }

  /** Feeds decoded text; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    if (this.firstChunk && chunk.length > 0) {
      this.firstChunk = false
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
    }
    const events: SseEvent[] = []
    let text = chunk
    // A CR ended the previous chunk: an LF right after it belongs to the same line ending.
    if (this.pendingCr) {
      this.pendingCr = false
      if (text.startsWith('\n')) text = text.slice(1)
    }
    this.buffer += text
    let start = 0
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i)
      if (c !== 10 && c !== 13) continue
      this.line(this.buffer.slice(start, i), events)
      if (c === 13) {
        if (i + 1 < this.buffer.length) {
          if (this.buffer.charCodeAt(i + 1) === 10) i++
        } else {
          this.pendingCr = true
        }
      }
      start = i + 1
    }
    this.buffer = this.buffer.slice(start)
    return events
  }

  /** The stream ended: flushes the decoder; an event without its blank line is dropped, as the spec says. */
  end(): SseEvent[] {
    const rest = this.decoder.decode()
    const events = rest ? this.push(rest) : []
    this.buffer = ''
    this.resetEvent()
    return events
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      this.dispatch(out)
      return
    }
    if (line.startsWith(':')) {
      this.comments++
      return
    }
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    switch (field) {
      case 'event':
        this.eventType = value
        break
      case 'data':
        this.data.push(value)
        this.hasData = true
        break
      case 'id':
        if (!value.includes('\0')) this.lastId = value
        break
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value)
        break
      default:
        // unknown fields are ignored
        break
    }
  }

  private dispatch(out: SseEvent[]): void {
    if (this.hasData) {
      const event: SseEvent = { event: this.eventType || 'message', data: this.data.join('\n') }
      if (this.lastId !== undefined) event.id = this.lastId
      out.push(event)
    }
    this.resetEvent()
  }

  private resetEvent(): void {
    this.eventType = ''
    this.data = []
    this.hasData = false
  }
}

/** Parses a whole stream body at once (handy in tests and for finished responses). */
export function parseSse(text: string): SseEvent[] {
  const parser = new SseParser()
  return [...parser.push(text), ...parser.end()]
}
