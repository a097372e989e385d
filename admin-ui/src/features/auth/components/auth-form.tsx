import { LogIn, UserPlus } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { Session } from '@/api/session'
import { ApiError, errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { Input, Label } from '@/components/ui/input'
import { useAuthenticate, type AuthMode } from '../api'
import { validateCredentials } from '../schema'

function explain(e: unknown, mode: AuthMode): string {
  if (e instanceof ApiError) {
    if (mode === 'login' && e.status === 401) return 'Unknown name or wrong password.'
    if (mode === 'register' && e.status === 409) return 'That name is taken.'
  }
  return errorMessage(e)
}

/** Name + password with two submit buttons: log in (Enter) or register. */
export function AuthForm({ onAuthenticated, notice }: { onAuthenticated: (session: Session) => void; notice?: string | null }) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const auth = useAuthenticate()

  const submit = (mode: AuthMode) => {
    const body = { name: name.trim(), password }
    const invalid = validateCredentials(body, mode)
    if (invalid) {
      setError(invalid)
      return
    }
    setError(null)
    auth.mutate({ mode, body }, { onSuccess: onAuthenticated, onError: (e) => setError(explain(e, mode)) })
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    submit('login')
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {notice && <p className="rounded-md border border-amber-700/50 bg-amber-500/10 px-3 py-2 text-sm text-amber-200">{notice}</p>}
      <div>
        <Label htmlFor="login-name">Name</Label>
        <Input id="login-name" data-testid="login-name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </div>
      <div>
        <Label htmlFor="login-password">Password</Label>
        <Input
          id="login-password"
          data-testid="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {error && (
        <p role="alert" data-testid="login-error" className="text-sm text-rose-300">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" data-testid="login-submit" disabled={auth.isPending} className="flex-1 justify-center">
          <LogIn className="h-4 w-4" aria-hidden /> Log in
        </Button>
        <Button data-testid="register-submit" disabled={auth.isPending} onClick={() => submit('register')} className="flex-1 justify-center">
          <UserPlus className="h-4 w-4" aria-hidden /> Register
        </Button>
      </div>
    </form>
  )
}
