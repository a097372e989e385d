import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'

/**
 * A modal panel: Escape or a click outside calls `onClose`. The focus goes once per opening to `initialFocus`
 * (else the first field or button inside), not again on every re-render of a page refreshing behind it.
 * Rendered into `document.body`: opened from the sidebar, whose translate would otherwise confine `fixed`.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  initialFocus,
  testId = 'dialog',
}: {
  open: boolean
  title: ReactNode
  onClose: () => void
  children: ReactNode
  initialFocus?: RefObject<HTMLElement | null>
  testId?: string
}) {
  const titleId = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })
  useEffect(() => {
    if (!open) return
    const target = initialFocus?.current ?? panelRef.current?.querySelector<HTMLElement>('input, select, textarea, button')
    target?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeRef.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, initialFocus])
  if (!open) return null
  return createPortal(
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-950/70 p-4 backdrop-blur-sm" onMouseDown={onClose}>
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        className="w-full max-w-md rounded-xl border border-slate-700 bg-slate-900 p-5 shadow-2xl"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2 id={titleId} className="text-base font-semibold text-slate-50">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  )
}
