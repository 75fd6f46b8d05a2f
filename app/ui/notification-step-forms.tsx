/** Small form pieces of the notification page (each step is a separate form with its evidence fields). */
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { DateText } from './date'

/** One notification step: its own form with the intent the route's action switches on. */
export function StepForm({
  intent,
  title,
  children,
}: {
  intent: string
  title: string
  children: ReactNode
}) {
  return (
    <Form method="post" className="form card" aria-label={title}>
      <h2>{title}</h2>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <button type="submit" className="button">
        Registrar
      </button>
    </Form>
  )
}

export function DateField({ name, label, max }: { name: string; label: string; max: string }) {
  const id = `f-${name}-${label.length}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="date" required max={max} defaultValue={max} />
    </div>
  )
}

export function TextField({
  name,
  label,
  defaultValue,
  required = true,
}: {
  name: string
  label: string
  defaultValue?: string
  required?: boolean
}) {
  const id = `f-${name}-${label.length}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} required={required} defaultValue={defaultValue} />
    </div>
  )
}

/** The notification steps the clocks propose, the due one in bold, each with its date. */
export function NotificationSteps({
  steps,
}: {
  steps: ReadonlyArray<{ kind: string; label: string; isDue: boolean; dueOn: string | null }>
}) {
  return (
    <ul>
      {steps.map((s) => (
        <li key={s.kind}>
          {s.isDue ? <strong>{s.label}</strong> : s.label}
          {s.dueOn ? (
            <>
              {' '}
              (<DateText value={s.dueOn} />)
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
