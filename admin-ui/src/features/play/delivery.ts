import { RETRYABLE_CODES, type ServerFrame } from './schema'

/** Sends of one action id (the first included) before the client stops resending it and shows the error. */
export const MAX_ATTEMPTS = 6
/** Answered action ids remembered to ignore late repeats (a resend's second answer); the oldest are forgotten. */
export const ANSWERED_MEMORY = 1024

export interface PendingAction {
  id: string
  text: string
  /** Times sent so far, the first send included. */
  attempts: number
}

/** What the socket does with an incoming frame. */
export type Verdict =
  /** New: hand it to the reducer. */
  | { kind: 'show' }
  /** Seen already (its seq is not past the last one) or about an action already answered: ignore it. */
  | { kind: 'drop' }
  /** A "not now" error for an action still waiting: send the same id again after a backoff. */
  | { kind: 'retry'; action: PendingAction }

/**
 * The client side of exactly-once delivery, free of sockets and timers so every order of frames is unit-tested:
 * the last sequence number seen (sent back as `resume` when reconnecting, and below which frames are duplicates),
 * the actions sent but not answered (resent with the same id, which the server never applies twice), and the
 * ids already answered (a repeat's answer is ignored).
 *
 * A `result`, or an error that resending cannot change (`bad_request`, `too_large` …), answers an action for good.
 * A `busy`/`unavailable`/`overloaded`/`rate_limited` error does not: the action is resent, and when its attempts
 * run out the error is shown but a later `result` is still taken (a timed-out action may complete after all).
 */
export class Delivery {
  private last: number | null = null
  private readonly pending = new Map<string, PendingAction>()
  private readonly answered = new Set<string>()

  constructor(private readonly maxAttempts = MAX_ATTEMPTS) {}

  /** The last sequence number seen; null before the first sequenced welcome or frame. */
  get lastSeq(): number | null {
    return this.last
  }

  /** A new action went out (its first attempt). */
  sent(id: string, text: string): void {
    this.pending.set(id, { id, text, attempts: 1 })
  }

  isPending(id: string): boolean {
    return this.pending.has(id)
  }

  receive(frame: ServerFrame): Verdict {
    if (frame.type === 'welcome') {
      // A resumed welcome is followed by every frame after the seq we asked from: keep ours. A fresh one
      // (first connect, expired, a server without an outbox) restarts the count at what its snapshot covers.
      if (frame.resume !== 'ok' || this.last === null) this.last = frame.seq
      return { kind: 'show' }
    }
    if ('seq' in frame && frame.seq !== undefined) {
      if (this.last !== null && frame.seq <= this.last) return { kind: 'drop' }
      this.last = frame.seq
    }
    switch (frame.type) {
      case 'narration':
        return this.answered.has(frame.actionId) ? { kind: 'drop' } : { kind: 'show' }
      case 'result':
        if (this.answered.has(frame.actionId)) return { kind: 'drop' }
        this.answer(frame.actionId)
        return { kind: 'show' }
      case 'error': {
        const id = frame.actionId
        if (id === null) return { kind: 'show' }
        if (this.answered.has(id)) return { kind: 'drop' }
        const waiting = this.pending.get(id)
        if (RETRYABLE_CODES.has(frame.code)) {
          if (waiting && waiting.attempts < this.maxAttempts) return { kind: 'retry', action: { ...waiting } }
          this.pending.delete(id) // out of attempts: shown, but a late result still counts
          return { kind: 'show' }
        }
        this.answer(id)
        return { kind: 'show' }
      }
      default:
        return { kind: 'show' }
    }
  }

  /** Counts one more send of a waiting action; null once it is answered or given up. */
  resend(id: string): PendingAction | null {
    const waiting = this.pending.get(id)
    if (!waiting) return null
    waiting.attempts += 1
    return { ...waiting }
  }

  /**
   * After a (re)connect: every action still unanswered goes out again with its id (counted), except those whose
   * attempts ran out, which are given up (the caller tells the player).
   */
  unanswered(): { resend: PendingAction[]; gaveUp: PendingAction[] } {
    const resend: PendingAction[] = []
    const gaveUp: PendingAction[] = []
    for (const waiting of [...this.pending.values()]) {
      if (waiting.attempts >= this.maxAttempts) {
        this.pending.delete(waiting.id)
        gaveUp.push({ ...waiting })
      } else {
        waiting.attempts += 1
        resend.push({ ...waiting })
      }
    }
    return { resend, gaveUp }
  }

  private answer(id: string): void {
    this.pending.delete(id)
    this.answered.add(id)
    if (this.answered.size > ANSWERED_MEMORY) {
      const oldest = this.answered.values().next().value
      if (oldest !== undefined) this.answered.delete(oldest)
    }
  }
}
