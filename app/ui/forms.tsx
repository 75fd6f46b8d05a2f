/** Form building blocks for Conform forms: a labelled field with its errors next to it, and a pending-aware button. */
import { useFormAction, useNavigation } from '@remix-run/react'
import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode } from 'react'

export type ListOfErrors = Array<string | null | undefined> | null | undefined

/** Errors of one field or of the whole form. The slot keeps its height so buttons below it never jump. */
export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const messages = errors?.filter(Boolean) ?? []
  return (
    <div id={id} className="error-slot" aria-live="polite">
      {messages.length > 0 ? (
        <ul className="error-list">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export function Field({
  label,
  inputProps,
  errors,
  errorId,
  help,
}: {
  label: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string }
  errors?: ListOfErrors
  errorId?: string
  help?: ReactNode
}) {
  const errorSlotId = errorId ?? `${inputProps.id}-error`
  const helpId = help ? `${inputProps.id}-help` : undefined
  const hasErrors = Boolean(errors?.some(Boolean))
  const describedBy = [helpId, hasErrors ? errorSlotId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={inputProps.id}>{label}</label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <input aria-invalid={hasErrors || undefined} aria-describedby={describedBy} {...inputProps} />
      <ErrorList id={errorSlotId} errors={errors} />
    </div>
  )
}

/** True while the form posting to `formAction` (default: this route) is submitting. */
export function useIsPending({
  formAction,
  formMethod = 'POST',
}: { formAction?: string; formMethod?: 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE' } = {}): boolean {
  const contextual = useFormAction()
  const navigation = useNavigation()
  return (
    navigation.state !== 'idle' &&
    navigation.formAction === (formAction ?? contextual) &&
    navigation.formMethod === formMethod
  )
}

export function StatusButton({
  status = 'idle',
  pendingLabel = 'Enviando…',
  children,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { status?: 'idle' | 'pending'; pendingLabel?: string }) {
  const isPending = status === 'pending'
  return (
    <button
      {...props}
      className={['button', className].filter(Boolean).join(' ')}
      aria-disabled={isPending || undefined}
      onClick={(event) => {
        if (isPending) event.preventDefault()
        props.onClick?.(event)
      }}
    >
      {isPending ? pendingLabel : children}
    </button>
  )
}
