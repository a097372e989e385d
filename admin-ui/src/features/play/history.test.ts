// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createHistory, next, previous, record } from './history'

describe('command history', () => {
  it('walks back with ↑ and forward with ↓, restoring the draft', () => {
    let h = record(record(record(createHistory(), 'look'), 'go north'), 'take lantern')
    let step = previous(h, 'tal')
    expect(step.value).toBe('take lantern')
    step = previous(step.history, step.value)
    expect(step.value).toBe('go north')
    step = previous(step.history, step.value)
    expect(step.value).toBe('look')
    step = previous(step.history, step.value) // stays on the oldest
    expect(step.value).toBe('look')
    step = next(step.history, step.value)
    expect(step.value).toBe('go north')
    step = next(step.history, step.value)
    expect(step.value).toBe('take lantern')
    step = next(step.history, step.value)
    expect(step.value).toBe('tal') // the draft comes back
    step = next(step.history, step.value)
    expect(step.value).toBe('tal')
    h = step.history
    expect(h.cursor).toBe(3)
  })

  it('does nothing with an empty history', () => {
    const h = createHistory()
    expect(previous(h, 'x')).toEqual({ history: h, value: 'x' })
    expect(next(h, 'x')).toEqual({ history: h, value: 'x' })
  })

  it('skips blanks and immediate repeats, trims, and resets browsing on record', () => {
    let h = record(createHistory(), '  look ')
    h = record(h, 'look')
    h = record(h, '   ')
    expect(h.entries).toEqual(['look'])
    h = record(h, 'go north')
    const browsing = previous(h, '').history
    expect(browsing.cursor).toBe(1)
    const after = record(browsing, 'look')
    expect(after.entries).toEqual(['look', 'go north', 'look'])
    expect(after.cursor).toBe(3)
    expect(after.draft).toBe('')
  })

  it('keeps at most max entries', () => {
    let h = createHistory([], 3)
    for (const c of ['a', 'b', 'c', 'd']) h = record(h, c)
    expect(h.entries).toEqual(['b', 'c', 'd'])
  })
})
