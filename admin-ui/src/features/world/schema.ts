import { z } from 'zod'
import { count, flag, listOf, textOrNull } from '@/lib/schema'

/** A kind of world event the pack defines (docs/API.md, Admin: world). `blocks`: exits it closes, `location/direction`. */
const kindSchema = z.object({
  id: z.string(),
  name: z.string().catch(''),
  announcement: z.string().catch(''),
  durationSeconds: count,
  blocks: listOf(z.string()).catch([]),
})
export type EventKind = z.infer<typeof kindSchema>

const eventSchema = z.object({
  kind: z.string(),
  name: z.string().catch(''),
  ambience: textOrNull,
  startedAt: textOrNull,
  endsAt: textOrNull,
  by: textOrNull,
})
export type WorldEvent = z.infer<typeof eventSchema>

/** One admin world action: pause, resume, event (detail: its kind) or end (by "world" when its time ran out). */
const auditSchema = z.object({
  ts: textOrNull,
  action: z.string().catch('unknown'),
  detail: textOrNull,
  by: textOrNull,
})
export type WorldAudit = z.infer<typeof auditSchema>

const worldSchema = z.object({
  day: count,
  time: z.string().catch('--:--'),
  night: flag,
  paused: flag,
  pausedBy: textOrNull,
  pausedAt: textOrNull,
  event: eventSchema.nullable().catch(null),
  kinds: listOf(kindSchema).catch([]),
  audit: listOf(auditSchema).catch([]),
})
export type WorldState = z.infer<typeof worldSchema>

export function normaliseWorld(raw: unknown): WorldState {
  const parsed = worldSchema.safeParse(raw)
  if (!parsed.success) throw new Error('The server sent no world state.')
  return parsed.data
}
