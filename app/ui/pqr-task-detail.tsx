/**
 * Pieces shared by the staff task pages (silencio recognition, extension approval): the line that says how a task
 * was resolved, and the two-choice Conform forms each page offers while the task is open.
 */
import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { InstantText } from '~/ui/date'

export function TaskResolution(props: {
  outcome: string | null
  resolvedByName: string | null
  resolvedAt: string | null
}) {
  return (
    <p role="status" className="card">
      {props.outcome}
      {props.resolvedByName ? ` por ${props.resolvedByName}` : ''}
      {props.resolvedAt ? (
        <>
          {' '}
          el <InstantText value={props.resolvedAt} withTime />
        </>
      ) : null}
      .
    </p>
  )
}

/** One of a page's choice forms; it shows the server's reply only when that reply came from this choice. */
export function useChoiceForm<Schema extends z.ZodObject>(
  id: string,
  schema: Schema,
  result: SubmissionResult<string[]> | undefined,
  isThisChoice: boolean,
) {
  return useForm({
    id,
    constraint: getZodConstraint(schema),
    lastResult: isThisChoice ? result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  })
}
