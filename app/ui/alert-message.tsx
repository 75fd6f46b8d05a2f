/**
 * A message a form action sent back (a refusal, a validation summary), announced to screen readers as it appears.
 * Renders nothing without a message, so a page can pass its action result as it is.
 */
export function AlertMessage({ message }: { message?: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null
}
