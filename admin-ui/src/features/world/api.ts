import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import { normaliseWorld, type WorldState } from './schema'

export const worldKeys = { state: ['admin', 'world'] as const }

const BASE = '/api/admin/world'

/** The clock, the pause, the event under way, the kinds of event and the audit; the clock moves, so it refreshes. */
export function useWorld() {
  return useQuery({
    queryKey: worldKeys.state,
    queryFn: async ({ signal }) => normaliseWorld(await api.get<unknown>(BASE, undefined, signal)),
    refetchInterval: 5_000,
  })
}

function useWorldChange<T>(change: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: T) => normaliseWorld(await change(input)),
    onSuccess: (state) => queryClient.setQueryData<WorldState>(worldKeys.state, state),
  })
}

export function useSetPaused() {
  return useWorldChange((input: { paused: boolean; reason?: string }) => api.put<unknown>(`${BASE}/pause`, input))
}

export function useStartEvent() {
  return useWorldChange((input: { kind: string; durationSeconds?: number }) => api.post<unknown>(`${BASE}/events`, input))
}

export function useEndEvent() {
  return useWorldChange((_: void) => api.del<unknown>(`${BASE}/events/current`))
}
