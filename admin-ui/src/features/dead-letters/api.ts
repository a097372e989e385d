import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import type { DeadLetterPage } from './schema'

export const deadLetterKeys = { all: ['admin', 'memory', 'dead-letters'] as const }

const BASE = '/api/admin/memory/dead-letters'

export function useDeadLetters() {
  return useQuery({
    queryKey: deadLetterKeys.all,
    queryFn: ({ signal }) => api.get<DeadLetterPage>(BASE, undefined, signal),
    refetchInterval: 10_000,
  })
}

export type DeadLetterAction = 'replay' | 'delete'

/** Replay (back on the memory queue) or delete one dead letter; either way it leaves the list. */
export function useDeadLetterAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: DeadLetterAction }) => {
      const path = `${BASE}/${encodeURIComponent(id)}`
      return action === 'replay' ? api.post<void>(`${path}/replay`) : api.del(path)
    },
    onSuccess: (_data, { id }) => {
      queryClient.setQueryData<DeadLetterPage>(deadLetterKeys.all, (old) =>
        old ? { total: Math.max(0, old.total - 1), items: old.items.filter((d) => d.id !== id) } : old,
      )
      void queryClient.invalidateQueries({ queryKey: deadLetterKeys.all })
    },
  })
}
