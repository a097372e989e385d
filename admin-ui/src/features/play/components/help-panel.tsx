import { X } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { useHelpText } from '../api'

/**
 * What can be done: the server's help text (the same list the `help` command answers), over the narration log.
 * Natural phrasing works too; the text says so.
 */
export function HelpPanel({ onClose }: { onClose: () => void }) {
  const help = useHelpText(true)
  return (
    <section data-testid="help-panel" aria-label="Help" className="border-b border-slate-800 bg-slate-900/80 px-4 py-3">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-100">What you can do</h2>
        <Button size="sm" variant="ghost" aria-label="Close help" data-testid="help-close" onClick={onClose}>
          <X className="h-4 w-4" aria-hidden />
        </Button>
      </div>
      {help.isPending && <p className="text-sm text-slate-500">Loading…</p>}
      {help.isError && <p className="text-sm text-rose-300">The help text could not be loaded. Type help instead.</p>}
      {help.data && (
        <pre data-testid="help-text" className="max-h-64 overflow-y-auto font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-300">
          {help.data}
        </pre>
      )}
    </section>
  )
}
