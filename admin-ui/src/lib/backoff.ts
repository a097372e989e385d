/** Exponential reconnect delay with jitter: base·2^attempt capped at max, ±20 %. */
export function backoffDelay(attempt: number, baseMs = 1000, maxMs = 15000, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt))
  const jitter = 0.8 + random() * 0.4
  return Math.round(Math.min(maxMs, exp * jitter))
}
