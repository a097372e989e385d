import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser'

/**
 * An incremental `text/event-stream` reader (WHATWG HTML §9.2.6) over the maintained `eventsource-parser`:
 * the library splits lines and fields; this adapter decodes bytes (chunks may split inside a UTF-8 sequence)
 * and hands back each chunk's completed events, named `message` when the server gave no `event:`.
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
  private readonly parser: EventSourceParser
  private completed: SseEvent[] = []
  private firstChunk = true
  private endsWithCr = false
  private lastId: string | undefined
  /** The server's `retry:` reconnection time in ms, once it sent one. */
  retryMs: number | undefined
  /** Lines that were comments (`: ping`), for liveness accounting. */
  comments = 0

  constructor() {
    this.parser = createParser({
      onEvent: (message) => this.completed.push(this.toEvent(message)),
      onRetry: (ms) => (this.retryMs = ms),
      onComment: () => this.comments++,
      // unknown fields and a malformed `retry:` are ignored, as the spec says
    })
  }

  /** Feeds raw bytes from a stream reader. */
  pushBytes(bytes: Uint8Array): SseEvent[] {
    return this.push(this.decoder.decode(bytes, { stream: true }))
  }

  /** Feeds decoded text; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    if (chunk.length === 0) return []
    // The decoder drops a byte-order mark from bytes; text handed in directly may still start with one.
    if (this.firstChunk) {
      this.firstChunk = false
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
    }
    if (chunk.length > 0) {
      this.endsWithCr = chunk.endsWith('\r')
      this.parser.feed(chunk)
    }
    return this.take()
  }

  /** The stream ended: flushes the decoder; an event without its blank line is dropped, as the spec says. */
  end(): SseEvent[] {
    const rest = this.decoder.decode()
    if (rest) this.push(rest)
    // The library holds a final CR back in case an LF follows; at the end of the stream it was a line ending.
    if (this.endsWithCr) this.parser.feed('\n')
    this.endsWithCr = false
    this.parser.reset()
    return this.take()
  }

  private toEvent(message: EventSourceMessage): SseEvent {
    // The library gives an event only the id its own block carried; the stream's last id carries over.
    if (message.id !== undefined) this.lastId = message.id
    const event: SseEvent = { event: message.event ?? 'message', data: message.data }
    if (this.lastId !== undefined) event.id = this.lastId
    return event
  }

  private take(): SseEvent[] {
    const events = this.completed
    this.completed = []
    return events
  }
}

/** Parses a whole stream body at once (handy in tests and for finished responses). */
export function parseSse(text: string): SseEvent[] {
  const parser = new SseParser()
  return [...parser.push(text), ...parser.end()]
}
