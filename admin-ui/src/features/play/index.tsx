import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { setSession } from '@/api/session'
import { AuthCard, AuthForm, useLogout } from '@/features/auth'
import { useSession } from '@/hooks/use-session'
import { GameView } from './components/game-view'

/** `/play`: log in or register here, then play over the socket. */
export function PlayPage() {
  const session = useSession()
  const queryClient = useQueryClient()
  const [notice, setNotice] = useState<string | null>(null)
  const logout = useLogout()
  // Logging out revokes the token, so the socket may be closed with 4401 first: that is no expired session.
  const loggingOut = useRef(false)

  if (!session) {
    return (
      <AuthCard title="Play LangOmni" subtitle="Log in, or pick a name and register">
        <AuthForm
          notice={notice}
          onAuthenticated={() => {
            setNotice(null)
            queryClient.clear()
          }}
        />
      </AuthCard>
    )
  }
  return (
    <GameView
      key={session.playerId}
      session={session}
      onLogout={() => {
        loggingOut.current = true
        void logout().finally(() => (loggingOut.current = false))
      }}
      onUnauthorized={() => {
        if (!loggingOut.current) setNotice('Your session expired. Log in again.')
        setSession(null)
      }}
    />
  )
}
