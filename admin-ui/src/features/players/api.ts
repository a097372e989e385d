import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import { npcsQuery } from '@/features/npcs/api'
import { PAGE_SIZE, type AdminPlayer, type AdminPlayerDetail, type MoveTarget, type PlayerPage } from './schema'
import { crawlWorld, mergeTargets } from './world'

export const playerKeys = {
  all: ['admin', 'players'] as const,
  list: (q: string, offset: number) => ['admin', 'players', 'list', q, offset] as const,
  detail: (id: string) => ['admin', 'players', 'detail', id] as const,
}

const REFRESH_MS = 5000

export function usePlayers(q: string, offset: number) {
  return useQuery({
    queryKey: playerKeys.list(q, offset),
    queryFn: ({ signal }) => api.get<PlayerPage>('/api/admin/players', { q, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  })
}

export function usePlayer(id: string) {
  return useQuery({
    queryKey: playerKeys.detail(id),
    queryFn: ({ signal }) => api.get<AdminPlayerDetail>(`/api/admin/players/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: REFRESH_MS,
  })
}

type PlayerAction =
  | { kind: 'kick' }
  | { kind: 'move'; locationId: string }
  | { kind: 'reset-hp' }
  | { kind: 'ban'; minutes: number; reason: string }
  | { kind: 'unban' }

type ActionAnswer = AdminPlayerDetail | { kicked: boolean } | { bannedUntil: number | string | null } | undefined

/** Kick, move, reset HP, ban or unban; refreshes the list and the detail after. */
export function usePlayerAction(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (action: PlayerAction): Promise<ActionAnswer> => {
      const base = `/api/admin/players/${encodeURIComponent(id)}`
      switch (action.kind) {
        case 'kick':
          return api.post<{ kicked: boolean }>(`${base}/kick`)
        case 'move':
          return api.post<AdminPlayerDetail>(`${base}/move`, { locationId: action.locationId })
        case 'reset-hp':
          return api.post<AdminPlayerDetail>(`${base}/reset-hp`)
        case 'ban':
          return api.post<{ bannedUntil: number | string | null }>(`${base}/ban`, { minutes: action.minutes, reason: action.reason })
        case 'unban':
          await api.del(`${base}/ban`)
          return { bannedUntil: null }
      }
    },
    onSuccess: (data) => {
      if (data && 'id' in data) queryClient.setQueryData(playerKeys.detail(id), data)
      else if (data && 'bannedUntil' in data) {
        queryClient.setQueryData<AdminPlayerDetail>(playerKeys.detail(id), (old) => (old ? { ...old, bannedUntil: data.bannedUntil } : old))
      }
      void queryClient.invalidateQueries({ queryKey: playerKeys.all })
    },
  })
}

/**
 * Where a player can be moved: the world graph walked from the player's location through
 * `GET /api/game/world/{id}` exits, merged with the NPCs' locations and the player's own, so the select
 * still offers something when the walk fails.
 */
export function useMoveTargets(player: Pick<AdminPlayer, 'locationId' | 'locationName'> | undefined) {
  const seed = player?.locationId ?? null
  const atlas = useQuery({
    queryKey: ['world', 'atlas'],
    queryFn: () => crawlWorld([seed ?? ''], (loc) => api.get<{ id: string; name: string; exits: Array<{ to: string; name: string }> }>(`/api/game/world/${encodeURIComponent(loc)}`)),
    enabled: seed !== null,
    staleTime: 10 * 60_000,
  })
  const npcs = useQuery({ ...npcsQuery, staleTime: 60_000 })
  const own: MoveTarget[] = player?.locationId ? [{ id: player.locationId, name: player.locationName ?? player.locationId }] : []
  const fromNpcs: MoveTarget[] = (npcs.data ?? [])
    .filter((n) => n.locationId)
    .map((n) => ({ id: n.locationId as string, name: n.locationName ?? (n.locationId as string) }))
  return { targets: mergeTargets(atlas.data, own, fromNpcs), loading: atlas.isLoading }
}
