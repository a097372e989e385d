import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import { ApiError } from '@/api/errors'
import { normaliseBudget, normaliseMetering, normaliseWorld, type BudgetChange, type Metering, type PlayerBudget } from './schema'

export const meteringKeys = {
  all: ['admin', 'metering'] as const,
  summary: ['admin', 'metering', 'summary'] as const,
  budget: (playerId: string) => ['admin', 'metering', 'budget', playerId] as const,
}

export const METERING_REFRESH_MS = 10_000

const budgetPath = (playerId: string) => `/api/admin/players/${encodeURIComponent(playerId)}/budget`

/** An orchestrator from before metering answers 404: not worth retrying, and not an outage. */
export const meteringUnsupported = (e: unknown) => e instanceof ApiError && e.status === 404

/** This hour's tokens and cost, world and per player; shared by the Dashboard and Players pages. */
export function useMetering() {
  return useQuery({
    queryKey: meteringKeys.summary,
    queryFn: async ({ signal }): Promise<Metering> => normaliseMetering(await api.get<unknown>('/api/admin/metering', undefined, signal)),
    refetchInterval: (query) => (meteringUnsupported(query.state.error) ? false : METERING_REFRESH_MS),
    retry: false,
  })
}

export function usePlayerBudget(playerId: string) {
  return useQuery({
    queryKey: meteringKeys.budget(playerId),
    queryFn: async ({ signal }): Promise<PlayerBudget> => normaliseBudget(await api.get<unknown>(budgetPath(playerId), undefined, signal)),
    refetchInterval: (query) => (meteringUnsupported(query.state.error) ? false : METERING_REFRESH_MS),
    retry: false,
  })
}

type BudgetAction = { kind: 'set'; change: BudgetChange } | { kind: 'reset' }

/** Raise (or lower) a player's budget, or zero this hour's and today's spend; refreshes the metering after. */
export function useBudgetAction(playerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (action: BudgetAction): Promise<PlayerBudget> =>
      normaliseBudget(
        action.kind === 'set'
          ? await api.put<unknown>(budgetPath(playerId), action.change)
          : await api.post<unknown>(`${budgetPath(playerId)}/reset`),
      ),
    onSuccess: (entry) => {
      queryClient.setQueryData(meteringKeys.budget(playerId), entry)
      void queryClient.invalidateQueries({ queryKey: meteringKeys.summary })
    },
  })
}

/** `PUT /api/admin/metering/world-budget`: tokens per hour for everyone together, 0 = none. */
export function useWorldBudget() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (perHour: number) => normaliseWorld(await api.put<unknown>('/api/admin/metering/world-budget', { perHour })),
    onSuccess: (world) => {
      queryClient.setQueryData<Metering>(meteringKeys.summary, (old) => (old ? { ...old, world } : old))
      void queryClient.invalidateQueries({ queryKey: meteringKeys.summary })
    },
  })
}
