import { SendHorizontal } from 'lucide-react'
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { createHistory, next, previous, record } from '../history'

/** The command line: Enter sends, ↑/↓ walk the history. */
export function CommandInput({ onSend, disabled }: { onSend: (text: string) => boolean; disabled?: boolean }) {
  const [value, setValue] = useState('')
  const [history, setHistory] = useState(() => createHistory())

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!value.trim()) return
    if (onSend(value)) {
      setHistory((h) => record(h, value))
      setValue('')
    }
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return
    e.preventDefault()
    const step = e.key === 'ArrowUp' ? previous(history, value) : next(history, value)
    setHistory(step.history)
    setValue(step.value)
  }

  return (
    <form onSubmit={submit} className="flex gap-2 border-t border-slate-800 p-3">
      <Input
        data-testid="command-input"
        aria-label="Command"
        placeholder="look, go north, take lantern, talk to Mara, say hello…"
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        className="font-mono"
      />
      <Button type="submit" variant="primary" data-testid="command-send" disabled={disabled || !value.trim()}>
        <SendHorizontal className="h-4 w-4" aria-hidden /> Send
      </Button>
    </form>
  )
}
