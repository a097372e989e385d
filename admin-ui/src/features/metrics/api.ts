import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '@/api/client'
import type { MetricsHistory } from './schema'

export const REFRESH_MS = 10_000

/** The history, refreshed every 10 s (one step). */
export function useMetricsHistory(minutes: number) {
  return useQuery({
    queryKey: ['admin', 'metrics', 'history', minutes],
    queryFn: ({ signal }) => api.get<MetricsHistory>('/api/admin/metrics/history', { minutes }, signal),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  })
}
