/** Display helpers: a figure the server does not know (null) shows as an em dash, never as 0. */
export const DASH = '—'

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

export function formatNumber(v: number | null | undefined, digits = 0): string {
  if (!isNum(v)) return DASH
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** 1.5 → "1.5", 12 → "12", 0.04 → "0.04": enough precision for rates without noise. */
export function formatRate(v: number | null | undefined): string {
  if (!isNum(v)) return DASH
  const abs = Math.abs(v)
  const digits = abs === 0 || abs >= 100 ? 0 : abs >= 10 ? 1 : 2
  return String(Number(v.toFixed(digits)))
}

export function formatMs(v: number | null | undefined): string {
  if (!isNum(v)) return DASH
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`
  return `${v >= 100 ? Math.round(v) : Number(v.toFixed(1))} ms`
}

/** A 0–1 ratio as a percentage. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (!isNum(ratio)) return DASH
  return `${(ratio * 100).toFixed(digits)}%`
}

export function formatUptime(seconds: number | null | undefined): string {
  if (!isNum(seconds)) return DASH
  const s = Math.floor(seconds)
  const d = Math.floor(s / 86_400)
  const h = Math.floor((s % 86_400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return `${d}d ${h}h`
  if (h > 0) return `${h}h ${m}m`
  if (m > 0) return `${m}m ${s % 60}s`
  return `${s}s`
}

export function formatTime(at: number | null | undefined): string {
  if (!isNum(at)) return DASH
  return new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

export function formatDateTime(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return DASH
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return DASH
  return d.toLocaleString('en-GB', { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' })
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function relativeTime(at: number | string | null | undefined, now: number = Date.now()): string {
  if (at === null || at === undefined) return DASH
  const t = typeof at === 'number' ? at : new Date(at).getTime()
  if (!Number.isFinite(t)) return DASH
  const s = Math.max(0, Math.round((now - t) / 1000))
  if (s < 5) return 'just now'
  if (s < 60) return `${s} s ago`
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`
  return `${Math.floor(s / 86_400)} d ago`
}

/**
 * Money in `currency` (ISO 4217), precise enough for LLM prices: 0 → "$0.00", 0.0123 → "$0.0123",
 * 0.00088 → "$0.00088", 12.5 → "$12.50". An unknown currency code is written after the figure.
 */
export function formatCost(v: number | null | undefined, currency = 'USD'): string {
  if (!isNum(v)) return DASH
  const abs = Math.abs(v)
  const options: Intl.NumberFormatOptions =
    abs === 0 || abs >= 1
      ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : abs >= 0.01
        ? { minimumFractionDigits: 2, maximumFractionDigits: 4 }
        : { maximumSignificantDigits: 2 }
  try {
    return v.toLocaleString('en-US', { style: 'currency', currency, ...options })
  } catch {
    return `${v.toLocaleString('en-US', options)} ${currency}`
  }
}
