import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
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
      onLogout={() => void logout()}
      onUnauthorized={() => {
        setNotice('Your session expired. Log in again.')
        setSession(null)
      }}
    />
  )
}
