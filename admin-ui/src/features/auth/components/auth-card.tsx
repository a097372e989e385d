import { Swords } from 'lucide-react'
import type { ReactNode } from 'react'

/** The centred card around the login form, with the product mark. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-3">
          <div className="flex h-10 w-10 items-center justify-center rounded-lg bg-sky-500/15 text-sky-300">
            <Swords className="h-5 w-5" aria-hidden />
          </div>
          <div>
            <h1 className="text-lg font-semibold text-slate-50">{title}</h1>
            {subtitle && <p className="text-sm text-slate-400">{subtitle}</p>}
          </div>
        </div>
        <div className="rounded-xl border border-slate-800 bg-slate-900/70 p-5 shadow-xl">{children}</div>
      </div>
    </div>
  )
}
