import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { request } from '@/api/client'
import { getSession, setSession, type Session } from '@/api/session'
import { toSession, type AuthRequest, type AuthResponse, type PasswordChange } from './schema'

export type AuthMode = 'login' | 'register'

/** How long a logout waits for the server before the session is forgotten anyway. */
export const LOGOUT_TIMEOUT_MS = 5000

export async function authenticate(mode: AuthMode, body: AuthRequest): Promise<Session> {
  const res = await request<AuthResponse>(`/api/auth/${mode}`, { method: 'POST', body, auth: false })
  return toSession(res, body.name)
}

/** Logs in or registers, then stores the session. */
export function useAuthenticate() {
  return useMutation({
    mutationFn: ({ mode, body }: { mode: AuthMode; body: AuthRequest }) => authenticate(mode, body),
    onSuccess: (session) => setSession(session),
  })
}

/**
 * `POST /api/auth/password`: answers like a login, with a new token (the old ones are revoked), which replaces the
 * stored one. A 401 here means a wrong current password, so it does not end the session.
 */
export async function changePassword(body: PasswordChange): Promise<Session> {
  const current = getSession()
  const res = await request<AuthResponse>('/api/auth/password', { method: 'POST', body, endSessionOn401: false })
  return toSession(res, current?.name ?? '')
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, onSuccess: (session) => setSession(session) })
}

/**
 * Revokes the token on the server (`POST /api/auth/logout`), then forgets the session and every cached answer
 * whatever the server said: a user who logs out is logged out here even when the server cannot be reached.
 */
export function useLogout() {
  const queryClient = useQueryClient()
  return useCallback(async () => {
    if (getSession()) {
      await request('/api/auth/logout', { method: 'POST', endSessionOn401: false, signal: AbortSignal.timeout(LOGOUT_TIMEOUT_MS) }).catch(() => undefined)
    }
    setSession(null)
    queryClient.clear()
  }, [queryClient])
}
