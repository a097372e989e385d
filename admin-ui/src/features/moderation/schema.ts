import { z } from 'zod'
import { count, listOf, textOrNull } from '@/lib/schema'

/** The world's moderation mode (docs/API.md, Admin: moderation). */
export const MODES = ['off', 'words', 'endpoint'] as const
export type ModerationMode = (typeof MODES)[number]

/**
 * One flagged text: player words that were withheld (`source` is the verb: say, tell, talk, unknown) or model output
 * replaced by the rules' text (narration, npc_reply). `checker`: words, endpoint or words-fallback.
 */
const flagSchema = z.object({
  id: z.unknown().transform(String),
  ts: z.union([z.string(), z.number()]).nullable().catch(null),
  source: z.string().catch('unknown'),
  playerId: textOrNull,
  playerName: textOrNull,
  actionId: textOrNull,
  text: z.string().catch(''),
  categories: listOf(z.string()).catch([]),
  checker: textOrNull,
})
export type ModerationFlag = z.infer<typeof flagSchema>

const pageSchema = z.object({ total: count, flags: listOf(flagSchema).catch([]) })
export type FlagPage = z.infer<typeof pageSchema>

const settingSchema = z.object({ mode: z.enum(MODES) })
export type ModerationSetting = z.infer<typeof settingSchema>

export function normaliseFlagPage(raw: unknown): FlagPage {
  const parsed = pageSchema.safeParse(raw)
  if (!parsed.success) throw new Error('The server sent no moderation flags.')
  return parsed.data
}

export function normaliseSetting(raw: unknown): ModerationSetting {
  const parsed = settingSchema.safeParse(raw)
  if (!parsed.success) throw new Error('The server sent no moderation mode.')
  return parsed.data
}
