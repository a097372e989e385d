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
  /** public: recalled for every player; private: only for subjectId (absent on old servers). */
  visibility?: 'public' | 'private' | string | null
  /** Where the NPC's knowledge came from; absent for memories stored before provenance existed. */
  provenance?: MemoryProvenance | null
}

/** docs/API.md, memory records: how an NPC came to know something. */
export interface MemoryProvenance {
  source: 'witnessed' | 'told' | 'heard' | string
  /** The NPC who told it (heard only). */
  heardFrom?: string | null
  /** Tellings away from a witness: 0 for what the NPC saw or was told by a player. */
  hops?: number | null
  /** Where it happened (not where it was heard). */
  locationId?: string | null
  happenedAt?: number | null
  eventId?: string | null
  gist?: string | null
}

/**
 * Where a memory came from, in words: "witnessed at forge", "heard from brannoc, 2 hops from a witness
 * (happened at ford)", "told by the player", "own reflection". A memory without provenance (stored before it
 * existed) reads by its kind.
 */
export function provenanceLabel(m: Pick<MemoryRecord, 'kind' | 'provenance'>): string {
  const p = m.provenance
  const at = p?.locationId ? ` at ${p.locationId}` : ''
  if (!p || typeof p !== 'object') {
    if (m.kind === 'reflection') return 'own reflection'
    if (m.kind === 'conversation') return 'told by the player'
    return 'witnessed'
  }
  switch (p.source) {
    case 'witnessed':
      return `witnessed${at}`
    case 'told':
      return 'told by the player'
    case 'heard': {
      const hops = typeof p.hops === 'number' && p.hops > 1 ? `, ${p.hops} hops from a witness` : ''
      const where = p.locationId ? ` (happened at ${p.locationId})` : ''
      return `heard from ${p.heardFrom ?? 'another NPC'}${hops}${where}`
    }
    default:
      return String(p.source)
  }
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
