import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router'
import { setUnauthorizedHandler } from '@/api/client'
import { ApiError } from '@/api/errors'
import { ToastProvider } from '@/components/ui/toast'
import { routes } from '@/routes'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2000,
        // A 4xx will not get better by asking again; a network blip or a 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  })
}

export function App({ routeTable = routes }: { routeTable?: RouteObject[] }) {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createBrowserRouter(routeTable))
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        queryClient.clear()
        void router.navigate('/login', { replace: true, state: { notice: 'Your session expired. Log in again.' } })
      }),
    [queryClient, router],
  )
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  )
}
