import { cn } from '@/lib/utils'

/**
 * A tiny inline SVG trend line (no chart library: the dashboard stays light). Nulls break the line.
 */
export function Sparkline({
  values,
  className,
  stroke = 'currentColor',
  height = 32,
  width = 120,
  label,
}: {
  values: Array<number | null>
  className?: string
  stroke?: string
  height?: number
  width?: number
  label?: string
}) {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  // Scaled to the data's own range, so a change shows; a flat series is drawn mid-height.
  const max = nums.length ? Math.max(...nums) : 1
  const min = nums.length ? Math.min(...nums) : 0
  const span = max - min
  const n = values.length
  const step = n > 1 ? width / (n - 1) : 0
  const segments: string[] = []
  let current = ''
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      if (current) segments.push(current)
      current = ''
      return
    }
    const x = (i * step).toFixed(1)
    const y = (span === 0 ? height / 2 : height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)
    current += `${current ? 'L' : 'M'}${x},${y}`
  })
  if (current) segments.push(current)
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className={cn('h-8 w-full', className)}
      role="img"
      aria-label={label ?? 'trend'}
    >
      {segments.map((d, i) => (
        <path key={i} d={d} fill="none" stroke={stroke} strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      ))}
    </svg>
  )
}
