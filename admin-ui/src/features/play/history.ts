/**
 * Shell-style command history: ↑ walks back from the newest entry, ↓ walks forward and finally returns the
 * draft that was being typed before ↑ was first pressed. Immutable, so it sits in React state as is.
 */
export interface CommandHistory {
  entries: string[]
  /** Position while browsing: entries.length means "at the draft". */
  cursor: number
  draft: string
  max: number
}

export function createHistory(entries: string[] = [], max = 100): CommandHistory {
  const kept = entries.slice(-max)
  return { entries: kept, cursor: kept.length, draft: '', max }
}

/** Records a sent command (blank ones and an immediate repeat are not stored) and stops browsing. */
export function record(h: CommandHistory, command: string): CommandHistory {
  const text = command.trim()
  let entries = h.entries
  if (text && entries[entries.length - 1] !== text) entries = [...entries, text].slice(-h.max)
  return { ...h, entries, cursor: entries.length, draft: '' }
}

/** ↑: the previous entry (stays on the oldest). `current` is what the input shows now. */
export function previous(h: CommandHistory, current: string): { history: CommandHistory; value: string } {
  if (h.entries.length === 0) return { history: h, value: current }
  const draft = h.cursor === h.entries.length ? current : h.draft
  const cursor = Math.max(0, h.cursor - 1)
  return { history: { ...h, cursor, draft }, value: h.entries[cursor] ?? current }
}

/** ↓: the next entry, or the saved draft past the newest. */
export function next(h: CommandHistory, current: string): { history: CommandHistory; value: string } {
  if (h.cursor >= h.entries.length) return { history: h, value: current }
  const cursor = h.cursor + 1
  if (cursor === h.entries.length) return { history: { ...h, cursor }, value: h.draft }
  return { history: { ...h, cursor }, value: h.entries[cursor] ?? current }
}
