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
export interface AdminNpcDetail extends Omit<AdminNpc, 'memories'> {
  persona: string | null
  knowledge: string[]
  memories: MemoryRecord[]
  memoryCount: number | null
  /** false when memory-service is down (memories is then []). */
  memoriesAvailable: boolean
}

export function normaliseNpcDetail(raw: Record<string, unknown>): AdminNpcDetail {
  const list = Array.isArray(raw.memories) ? (raw.memories as MemoryRecord[]) : []
  const available = raw.memoriesAvailable !== false
  const count = typeof raw.memoryCount === 'number' ? raw.memoryCount : typeof raw.memories === 'number' ? raw.memories : available ? list.length : null
  return {
    id: String(raw.id),
    name: typeof raw.name === 'string' ? raw.name : String(raw.id),
    title: typeof raw.title === 'string' ? raw.title : null,
    locationId: typeof raw.locationId === 'string' ? raw.locationId : null,
    locationName: typeof raw.locationName === 'string' ? raw.locationName : null,
    conversations: typeof raw.conversations === 'number' ? raw.conversations : null,
    persona: typeof raw.persona === 'string' ? raw.persona : null,
    knowledge: Array.isArray(raw.knowledge) ? raw.knowledge.filter((k): k is string => typeof k === 'string') : [],
    memories: list,
    memoryCount: count,
    memoriesAvailable: available,
  }
}
