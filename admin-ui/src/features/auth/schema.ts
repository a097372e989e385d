import type { Role, Session } from '@/api/session'

export interface AuthRequest { name: string; password: string }
export interface PasswordChange { currentPassword: string; newPassword: string }
export interface AuthResponse { playerId: string; token: string; name?: string; role?: Role | string }

/** Same rules as the server (docs/API.md): checked here too so a typo is caught before a round trip. */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,24}$/
export const MIN_PASSWORD = 8

export function validateCredentials(req: AuthRequest, mode: 'login' | 'register'): string | null {
  if (!req.name.trim()) return 'Enter a name.'
  if (!req.password) return 'Enter a password.'
  if (mode === 'register') {
    if (!NAME_PATTERN.test(req.name)) return 'Names are 1–24 letters, digits, _ or -.'
    if (req.password.length < MIN_PASSWORD) return `Passwords have at least ${MIN_PASSWORD} characters.`
  }
  return null
}

export function toSession(res: AuthResponse, typedName: string): Session {
  return { token: res.token, playerId: res.playerId, name: res.name ?? typedName, role: res.role === 'admin' ? 'admin' : 'player' }
}

/** The change-password form's own checks (the server repeats them): a new password of the usual length, typed twice. */
export function validatePasswordChange(form: PasswordChange & { confirm: string }): string | null {
  if (!form.currentPassword) return 'Enter your current password.'
  if (form.newPassword.length < MIN_PASSWORD) return `Passwords have at least ${MIN_PASSWORD} characters.`
  if (form.newPassword !== form.confirm) return 'The new password and its confirmation differ.'
  if (form.newPassword === form.currentPassword) return 'The new password is the same as the current one.'
  return null
}
