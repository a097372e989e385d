import { z } from 'zod'
import { request } from '@/api/client'

/** `GET /api/game/quests` (game-api `QuestLogView`): the caller's quests, active first, then done ones. */
const questRewardSchema = z.object({
  items: z.array(z.string()),
  hp: z.number(),
  xp: z.number(),
  reputation: z.number(),
})

const questEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  giver: z.string(),
  giverName: z.string(),
  summary: z.string().nullish(),
  status: z.enum(['active', 'done']),
  step: z.number(),
  steps: z.number(),
  current: z.string().nullish(),
  stepsDone: z.array(z.string()),
  rewards: questRewardSchema,
  together: z.number(),
})

export const questLogSchema = z.object({
  quests: z.array(questEntrySchema),
  xp: z.number(),
  reputation: z.number(),
})

export type QuestLog = z.infer<typeof questLogSchema>
export type QuestEntry = z.infer<typeof questEntrySchema>

export async function fetchQuestLog(): Promise<QuestLog> {
  return questLogSchema.parse(await request<unknown>('/api/game/quests'))
}

/** "honey cake, +5 HP, +20 XP, +1 reputation" (the words game-words' QuestText uses). */
export function rewardWords(reward: QuestEntry['rewards']): string {
  const words = [...reward.items]
  if (reward.hp > 0) words.push(`+${reward.hp} HP`)
  if (reward.xp > 0) words.push(`+${reward.xp} XP`)
  if (reward.reputation > 0) words.push(`+${reward.reputation} reputation`)
  return words.join(', ')
}
