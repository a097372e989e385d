import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { isAdmin } from '@/api/session'
import { useSession } from '@/hooks/use-session'

/** Admin pages for admins only: anyone else is sent to /login. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (!isAdmin(session)) {
    const notice = session ? 'The admin panel needs an admin account.' : null
    return <Navigate to="/login" replace state={{ from: location.pathname, notice }} />
  }
  return <>{children}</>
}
