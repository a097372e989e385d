// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'
import { formatCost, formatMs, formatPercent, formatRate, formatUptime, relativeTime } from './format'

describe('format', () => {
  it('shows unknown figures as a dash, never as 0', () => {
    expect(formatMs(null)).toBe('—')
    expect(formatPercent(null)).toBe('—')
    expect(formatRate(undefined)).toBe('—')
    expect(formatUptime(null)).toBe('—')
  })

  it('formats figures', () => {
    expect(formatMs(12)).toBe('12 ms')
    expect(formatMs(12.345)).toBe('12.3 ms')
    expect(formatMs(820.4)).toBe('820 ms')
    expect(formatMs(12_500)).toBe('12.5 s')
    expect(formatPercent(0.25)).toBe('25.0%')
    expect(formatRate(2.4)).toBe('2.4')
    expect(formatRate(0)).toBe('0')
    expect(formatUptime(1234.5)).toBe('20m 34s')
    expect(formatUptime(90_000)).toBe('1d 1h')
    expect(relativeTime(10_000, 52_000)).toBe('42 s ago')
    expect(relativeTime(0, 7_200_000)).toBe('2 h ago')
  })

  it('formats LLM costs with enough precision for fractions of a cent', () => {
    expect(formatCost(null)).toBe('—')
    expect(formatCost(0)).toBe('$0.00')
    expect(formatCost(0.0123)).toBe('$0.0123')
    expect(formatCost(0.00088)).toBe('$0.00088')
    expect(formatCost(12.5)).toBe('$12.50')
    expect(formatCost(0.5, 'EUR')).toBe('€0.50')
    expect(formatCost(0.5, 'not-a-code')).toBe('0.50 not-a-code')
  })

  it('backs off exponentially with jitter, capped', () => {
    const mid = () => 0.5
    expect(backoffDelay(0, 1000, 15000, mid)).toBe(1000)
    expect(backoffDelay(3, 1000, 15000, mid)).toBe(8000)
    expect(backoffDelay(10, 1000, 15000, mid)).toBe(15000)
    expect(backoffDelay(2, 1000, 15000, () => 0)).toBe(3200)
  })
})
