import { Navigate, type RouteObject } from 'react-router'
import { NotFound, PageLoading, RouteError } from '@/components/layout/route-error'

/**
 * Every page is a lazily loaded route module, so a player downloads neither the admin pages nor recharts.
 * The routes: /, /login, /play, /admin, /admin/architecture, /admin/players[/:id],
 * /admin/npcs[/:id], /admin/dead-letters, /admin/moderation, /admin/metrics, /admin/world.
 */
export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    // shown while the first page's module loads
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, element: <Navigate to="/play" replace /> },
      { path: 'login', lazy: () => import('./login') },
      { path: 'play', lazy: () => import('./play') },
      {
        path: 'admin',
        lazy: () => import('./admin/layout'),
        children: [
          { index: true, lazy: () => import('./admin/dashboard') },
          { path: 'architecture', lazy: () => import('./admin/architecture') },
          { path: 'players', lazy: () => import('./admin/players') },
          { path: 'players/:id', lazy: () => import('./admin/player-detail') },
          { path: 'npcs', lazy: () => import('./admin/npcs') },
          { path: 'npcs/:id', lazy: () => import('./admin/npc-detail') },
          { path: 'dead-letters', lazy: () => import('./admin/dead-letters') },
          { path: 'moderation', lazy: () => import('./admin/moderation') },
          { path: 'metrics', lazy: () => import('./admin/metrics') },
          { path: 'world', lazy: () => import('./admin/world') },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]
