import type { HTMLAttributes, ReactNode } from 'react'
import { cn } from '@/lib/utils'

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('rounded-xl border border-slate-800 bg-slate-900/60 shadow-sm', className)} {...props} />
}

export function CardHeader({ title, icon, actions, className }: { title: ReactNode; icon?: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <div className={cn('flex items-center justify-between gap-3 border-b border-slate-800 px-4 py-3', className)}>
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-200">
        {icon}
        {title}
      </h2>
      {actions}
    </div>
  )
}

export function CardContent({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('p-4', className)} {...props} />
}
