import { z } from 'zod'
import { figure, listOf, textOrNull } from '@/lib/schema'

/** Admin NPC API (docs/API.md, Admin). */
export interface AdminNpc {
  id: string
  name: string
  title: string | null
  locationId: string | null
  locationName: string | null
  conversations: number | null
  /** null when memory-service is down. */
  memories: number | null
}

export interface MemoryRecord {
  id: string
  ownerId: string
  kind: 'observation' | 'conversation' | 'reflection' | string
  text: string
  importance: number | null
  createdAt: number | string | null
  lastAccessAt: number | string | null
  subjectId: string | null
  evidence: string[] | null
}

/**
 * The detail is "that row + persona, knowledge, memories": `memories` is the list there, so the row's count
 * is kept as `memoryCount` (the server may send it under that name; else the list's length is used).
 */
const npcDetailSchema = z
  .object({
    id: z.unknown().transform(String),
    name: textOrNull,
    title: textOrNull,
    locationId: textOrNull,
    locationName: textOrNull,
    conversations: figure,
    persona: textOrNull,
    knowledge: listOf(z.string()).catch([]),
    /** The memories (elements as the server sent them), or a count from a server that sends the row's shape. */
    memories: z.union([z.array(z.custom<MemoryRecord>()), z.number()]).nullable().catch(null),
    memoryCount: figure,
    /** false when memory-service is down (memories is then []). */
    memoriesAvailable: z.boolean().catch(true),
  })
  .transform(({ name, memories, memoryCount, ...npc }) => {
    const list = Array.isArray(memories) ? memories : []
    return {
      ...npc,
      name: name ?? npc.id,
      memories: list,
      memoryCount: memoryCount ?? (typeof memories === 'number' ? memories : npc.memoriesAvailable ? list.length : null),
    }
  })
export type AdminNpcDetail = z.infer<typeof npcDetailSchema>

export function normaliseNpcDetail(raw: unknown): AdminNpcDetail {
  const parsed = npcDetailSchema.safeParse(raw)
  if (!parsed.success) throw new Error('The server sent no NPC.')
  return parsed.data
}
