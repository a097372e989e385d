import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Button } from './button'

/**
 * A modal confirmation for destructive admin actions. Escape or Cancel closes it; the confirm button has
 * the focus so Enter confirms. Hooks for tests: `confirm-dialog`, `confirm-ok`, `confirm-cancel`.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel = 'Confirm',
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean
  title: string
  children?: ReactNode
  confirmLabel?: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const titleId = useId()
  const okRef = useRef<HTMLButtonElement>(null)
  const cancelRef = useRef(onCancel)
  useEffect(() => {
    cancelRef.current = onCancel
  })
  // Focus once per opening (not on every re-render of a page that refreshes behind the dialog).
  useEffect(() => {
    if (!open) return
    okRef.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancelRef.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (!open) return null
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-950/70 p-4 backdrop-blur-sm" onMouseDown={onCancel}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="confirm-dialog"
        className="w-full max-w-md rounded-xl border border-slate-700 bg-slate-900 p-5 shadow-2xl"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2 id={titleId} className="text-base font-semibold text-slate-50">
          {title}
        </h2>
        {children && <div className="mt-2 text-sm text-slate-300">{children}</div>}
        <div className="mt-5 flex justify-end gap-2">
          <Button data-testid="confirm-cancel" variant="ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button ref={okRef} data-testid="confirm-ok" variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  )
}
