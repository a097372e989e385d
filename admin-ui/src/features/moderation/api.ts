import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import { normaliseFlagPage, normaliseSetting, type ModerationMode, type ModerationSetting } from './schema'

export const moderationKeys = {
  flags: (offset: number) => ['admin', 'moderation', 'flags', offset] as const,
  setting: ['admin', 'moderation', 'setting'] as const,
}

const BASE = '/api/admin/moderation'
export const PAGE_SIZE = 50

/** One page of flags, newest first. */
export function useModerationFlags(offset: number) {
  return useQuery({
    queryKey: moderationKeys.flags(offset),
    queryFn: async ({ signal }) => normaliseFlagPage(await api.get<unknown>(BASE, { limit: PAGE_SIZE, offset }, signal)),
    refetchInterval: 10_000,
  })
}

export function useModerationSetting() {
  return useQuery({
    queryKey: moderationKeys.setting,
    queryFn: async ({ signal }) => normaliseSetting(await api.get<unknown>(`${BASE}/settings`, undefined, signal)),
  })
}

export function useSetModerationMode() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (mode: ModerationMode) => normaliseSetting(await api.put<unknown>(`${BASE}/settings`, { mode })),
    onSuccess: (setting) => queryClient.setQueryData<ModerationSetting>(moderationKeys.setting, setting),
  })
}
