import { useQueryClient } from '@tanstack/react-query'
import { Link, useLocation, useNavigate } from 'react-router'
import type { Session } from '@/api/session'
import { AuthCard } from './components/auth-card'
import { AuthForm } from './components/auth-form'

/** `/login`: an admin goes on to the panel, a player to the game. */
export function LoginPage() {
  const navigate = useNavigate()
  const location = useLocation()
  const queryClient = useQueryClient()
  const state = location.state as { notice?: string | null; from?: string } | null
  const onAuthenticated = (session: Session) => {
    queryClient.clear()
    // An admin sent here from an admin page goes back to it.
    const back = state?.from?.startsWith('/admin') ? state.from : '/admin'
    void navigate(session.role === 'admin' ? back : '/play', { replace: true })
  }
  return (
    <AuthCard title="LangOmni Adventure" subtitle="Log in or create a player">
      <AuthForm onAuthenticated={onAuthenticated} notice={state?.notice ?? null} />
      <p className="mt-4 text-center text-xs text-slate-500">
        Just want to play? <Link to="/play" className="text-sky-400 hover:underline">Go to the game</Link>
      </p>
    </AuthCard>
  )
}

export { useLogout } from './api'
export { AuthForm } from './components/auth-form'
export { ChangePasswordDialog } from './components/change-password-dialog'
export { AuthCard } from './components/auth-card'
