import { KeyRound } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Input, Label } from '@/components/ui/input'
import { useToast } from '@/components/ui/toast'
import { useChangePassword } from '../api'
import { validatePasswordChange } from '../schema'

function explain(e: unknown): string {
  if (e instanceof ApiError && e.status === 401) return 'The current password is wrong.'
  return errorMessage(e) // 400: the server says what is wrong with the new one
}

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' }

/**
 * Current password, new password twice. On success the new token replaces the stored one (the server revokes the
 * old ones; an open game socket reconnects with the new token and resumes).
 */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useState<string | null>(null)
  const change = useChangePassword()
  const toast = useToast()

  const close = () => {
    setForm(EMPTY)
    setError(null)
    change.reset()
    onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const invalid = validatePasswordChange(form)
    if (invalid) {
      setError(invalid)
      return
    }
    setError(null)
    change.mutate(
      { currentPassword: form.currentPassword, newPassword: form.newPassword },
      {
        onSuccess: () => {
          toast.success('Password changed.')
          close()
        },
        onError: (err) => setError(explain(err)),
      },
    )
  }
  const field = (key: keyof typeof EMPTY, label: string, autoComplete: string) => (
    <div>
      <Label htmlFor={`password-${key}`}>{label}</Label>
      <Input
        id={`password-${key}`}
        data-testid={`password-${key === 'currentPassword' ? 'current' : key === 'newPassword' ? 'new' : 'confirm'}`}
        type="password"
        autoComplete={autoComplete}
        value={form[key]}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
      />
    </div>
  )

  return (
    <Dialog open={open} title="Change password" onClose={close} testId="change-password-dialog">
      <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
        {field('currentPassword', 'Current password', 'current-password')}
        {field('newPassword', 'New password', 'new-password')}
        {field('confirm', 'New password again', 'new-password')}
        {error && (
          <p role="alert" data-testid="password-error" className="text-sm text-rose-300">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={close} disabled={change.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" data-testid="password-submit" disabled={change.isPending}>
            <KeyRound className="h-4 w-4" aria-hidden /> Change password
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
