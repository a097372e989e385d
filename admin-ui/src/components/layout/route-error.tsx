import { Compass } from 'lucide-react'
import { Spinner } from '@/components/ui/feedback'
import { Link, isRouteErrorResponse, useRouteError } from 'react-router'

export function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-3 p-6 text-center">
      <Compass className="h-8 w-8 text-sky-400" aria-hidden />
      <h1 className="text-lg font-semibold">No such page</h1>
      <p className="text-sm text-slate-400">
        Try <Link to="/play" className="text-sky-400 hover:underline">the game</Link> or{' '}
        <Link to="/admin" className="text-sky-400 hover:underline">the admin panel</Link>.
      </p>
    </div>
  )
}

/** Shown when a page fails to load (e.g. a chunk missing after a redeploy) or throws while rendering. */
export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error)
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-lg font-semibold text-rose-300">This page failed</h1>
      <p className="max-w-md text-sm break-words text-slate-400">{message}</p>
      <button type="button" onClick={() => window.location.reload()} className="text-sm text-sky-400 hover:underline">
        Reload
      </button>
    </div>
  )
}

export function PageLoading() {
  return (
    <div className="flex min-h-dvh items-center justify-center">
      <Spinner />
    </div>
  )
}
