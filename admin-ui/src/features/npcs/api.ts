import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import { normaliseNpcDetail, type AdminNpc, type AdminNpcDetail, type MemoryRecord } from './schema'

export const npcKeys = {
  all: ['admin', 'npcs'] as const,
  list: ['admin', 'npcs', 'list'] as const,
  detail: (id: string) => ['admin', 'npcs', 'detail', id] as const,
  memories: (id: string, q: string) => ['admin', 'npcs', 'memories', id, q] as const,
}

/** Shared with the player page's move select (NPC locations). */
export const npcsQuery = {
  queryKey: npcKeys.list,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<AdminNpc[]>('/api/admin/npcs', undefined, signal),
}

export function useNpcs() {
  return useQuery({ ...npcsQuery, refetchInterval: 10_000 })
}

export function useNpc(id: string) {
  return useQuery({
    queryKey: npcKeys.detail(id),
    queryFn: async ({ signal }): Promise<AdminNpcDetail> =>
      normaliseNpcDetail(await api.get<unknown>(`/api/admin/npcs/${encodeURIComponent(id)}`, undefined, signal)),
  })
}

/** Memory search through memory-service (best first); only runs with a query. */
export function useMemorySearch(id: string, q: string) {
  return useQuery({
    queryKey: npcKeys.memories(id, q),
    queryFn: ({ signal }) => api.get<MemoryRecord[]>(`/api/admin/npcs/${encodeURIComponent(id)}/memories`, { q, limit: 50 }, signal),
    enabled: q.length > 0,
  })
}

export function useDeleteMemory(npcId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (memoryId: string) => api.del(`/api/admin/npcs/${encodeURIComponent(npcId)}/memories/${encodeURIComponent(memoryId)}`),
    onSuccess: (_data, memoryId) => {
      // Drop it at once from every cached list of this NPC, then refetch the truth.
      queryClient.setQueryData<AdminNpcDetail>(npcKeys.detail(npcId), (old) =>
        old
          ? {
              ...old,
              memories: old.memories.filter((m) => m.id !== memoryId),
              memoryCount: old.memoryCount === null ? null : Math.max(0, old.memoryCount - 1),
            }
          : old,
      )
      queryClient.setQueriesData<MemoryRecord[]>({ queryKey: ['admin', 'npcs', 'memories', npcId] }, (old) => old?.filter((m) => m.id !== memoryId))
      void queryClient.invalidateQueries({ queryKey: npcKeys.all })
    },
  })
}
