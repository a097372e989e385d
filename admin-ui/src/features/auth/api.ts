import { useMutation } from '@tanstack/react-query'
import { request } from '@/api/client'
import { setSession, type Session } from '@/api/session'
import { toSession, type AuthRequest, type AuthResponse } from './schema'

export type AuthMode = 'login' | 'register'

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
