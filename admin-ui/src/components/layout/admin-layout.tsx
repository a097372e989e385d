import { Activity, Bot, CloudLightning, Gamepad2, KeyRound, LayoutDashboard, LineChart, LogOut, MailWarning, Menu, Network, ShieldAlert, Swords, Users, X } from 'lucide-react'
import { useState } from 'react'
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { runtimeConfig } from '@/config/env'
import { ChangePasswordDialog, useLogout } from '@/features/auth'
import { AdminStreamProvider, useAdminStream } from '@/features/live'
import { useSession } from '@/hooks/use-session'
import { cn } from '@/lib/utils'
import { RequireAdmin } from './require-admin'

const NAV = [
  { to: '/admin', label: 'Dashboard', icon: LayoutDashboard, testId: 'nav-dashboard', end: true },
  { to: '/admin/architecture', label: 'Architecture', icon: Network, testId: 'nav-architecture', end: false },
  { to: '/admin/players', label: 'Players', icon: Users, testId: 'nav-players', end: false },
  { to: '/admin/npcs', label: 'NPCs', icon: Bot, testId: 'nav-npcs', end: false },
  { to: '/admin/dead-letters', label: 'Dead letters', icon: MailWarning, testId: 'nav-dead-letters', end: false },
  { to: '/admin/moderation', label: 'Moderation', icon: ShieldAlert, testId: 'nav-moderation', end: false },
  { to: '/admin/metrics', label: 'Metrics', icon: LineChart, testId: 'nav-metrics', end: false },
  { to: '/admin/world', label: 'World', icon: CloudLightning, testId: 'nav-world', end: false },
  { to: '/play', label: 'Play', icon: Gamepad2, testId: 'nav-play', end: false },
] as const

function StreamDot() {
  const { status } = useAdminStream()
  const live = status === 'live'
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-400" title={`admin stream: ${status}`}>
      <span className={cn('h-2 w-2 rounded-full', live ? 'bg-emerald-400' : status === 'forbidden' ? 'bg-rose-500' : 'bg-amber-400 animate-pulse')} />
      {live ? 'stream live' : `stream ${status}`}
    </span>
  )
}

function Sidebar({ open, onClose }: { open: boolean; onClose: () => void }) {
  const session = useSession()
  const navigate = useNavigate()
  const endSession = useLogout()
  const [changingPassword, setChangingPassword] = useState(false)
  const logout = async () => {
    await endSession()
    void navigate('/login', { replace: true })
  }
  return (
    <aside
      className={cn(
        'fixed inset-y-0 left-0 z-30 flex w-60 flex-col border-r border-slate-800 bg-slate-950 transition-transform md:sticky md:top-0 md:h-dvh md:translate-x-0',
        open ? 'translate-x-0' : '-translate-x-full',
      )}
      aria-label="Admin navigation"
    >
      <div className="flex h-14 items-center justify-between border-b border-slate-800 px-4">
        <div className="flex items-center gap-2 font-semibold text-slate-100">
          <Swords className="h-5 w-5 text-sky-400" aria-hidden /> LangOmni
        </div>
        <button type="button" className="rounded p-1 text-slate-400 hover:text-slate-100 md:hidden" onClick={onClose} aria-label="Close navigation">
          <X className="h-5 w-5" aria-hidden />
        </button>
      </div>
      <nav className="flex-1 space-y-1 overflow-y-auto p-3">
        {NAV.map(({ to, label, icon: Icon, testId, end }) => (
          <NavLink
            key={to}
            to={to}
            end={end}
            data-testid={testId}
            className={({ isActive }) =>
              cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors',
                isActive ? 'bg-sky-500/15 text-sky-200' : 'text-slate-400 hover:bg-slate-900 hover:text-slate-100',
              )
            }
          >
            <Icon className="h-4 w-4" aria-hidden />
            {label}
          </NavLink>
        ))}
      </nav>
      <div className="space-y-3 border-t border-slate-800 p-3">
        <StreamDot />
        <div className="flex items-center justify-between gap-2">
          <div className="min-w-0">
            <p className="truncate text-sm text-slate-200">{session?.name}</p>
            <p className="truncate text-xs text-slate-500" title={`version ${runtimeConfig().version}`}>
              v{runtimeConfig().version}
            </p>
          </div>
          <button
            type="button"
            data-testid="logout"
            onClick={() => void logout()}
            className="flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-xs whitespace-nowrap text-slate-400 hover:bg-slate-900 hover:text-slate-100"
          >
            <LogOut className="h-4 w-4" aria-hidden /> Log out
          </button>
        </div>
        <button
          type="button"
          data-testid="change-password"
          onClick={() => setChangingPassword(true)}
          className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-xs text-slate-400 hover:bg-slate-900 hover:text-slate-100"
        >
          <KeyRound className="h-4 w-4" aria-hidden /> Change password
        </button>
      </div>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </aside>
  )
}

/** Sidebar + page for every /admin route; the sidebar becomes a drawer on a phone. */
export function AdminLayout() {
  // The drawer remembers the page it was opened on: navigating elsewhere closes it, with no effect to run.
  const { pathname } = useLocation()
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null)
  return (
    <RequireAdmin>
      <AdminStreamProvider>
        <div className="min-h-dvh md:flex">
          <Sidebar open={open} onClose={() => setOpen(false)} />
          {open && <div className="fixed inset-0 z-20 bg-slate-950/60 md:hidden" onClick={() => setOpen(false)} aria-hidden />}
          <div className="min-w-0 flex-1">
            <header className="sticky top-0 z-10 flex h-14 items-center gap-3 border-b border-slate-800 bg-slate-950/90 px-4 backdrop-blur md:hidden">
              <button type="button" onClick={() => setOpen(true)} className="rounded p-1 text-slate-300 hover:text-white" aria-label="Open navigation">
                <Menu className="h-5 w-5" aria-hidden />
              </button>
              <span className="flex items-center gap-2 text-sm font-semibold">
                <Activity className="h-4 w-4 text-sky-400" aria-hidden /> LangOmni admin
              </span>
            </header>
            <main className="mx-auto w-full max-w-7xl p-4 md:p-6">
              <Outlet />
            </main>
          </div>
        </div>
      </AdminStreamProvider>
    </RequireAdmin>
  )
}
