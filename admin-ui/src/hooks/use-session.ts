import { useSyncExternalStore } from 'react'
import { getSession, subscribeSession, type Session } from '@/api/session'

/** The signed-in account, re-rendering on login and logout. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null)
}
