import { useRef, type ReactNode } from 'react'
import { Button } from './button'
import { Dialog } from './dialog'

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
  const okRef = useRef<HTMLButtonElement>(null)
  return (
    <Dialog open={open} title={title} onClose={onCancel} initialFocus={okRef} testId="confirm-dialog">
      {children && <div className="mt-2 text-sm text-slate-300">{children}</div>}
      <div className="mt-5 flex justify-end gap-2">
        <Button data-testid="confirm-cancel" variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button ref={okRef} data-testid="confirm-ok" variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  )
}
