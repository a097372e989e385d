/**
 * Memory writes that failed on every attempt (docs/API.md, Admin: memory dead letters). `kind` is the write's kind
 * (an observation, a conversation …), `summary` a short excerpt of it; `failedAt` epoch ms or an ISO time.
 */
export interface DeadLetter {
  id: string
  kind: string
  ownerId: string | null
  attempts: number | null
  lastError: string | null
  failedAt: number | string | null
  summary: string | null
}

export interface DeadLetterPage {
  /** All dead letters, which may be more than `items` holds. */
  total: number
  items: DeadLetter[]
}
