/**
 * One error type for expected business outcomes, and the Response helpers routes throw (STYLE.md §5 and §9).
 * Client-safe.
 */

/** An expected business failure: a code for programs and logs, a user-safe Spanish message for people. */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code

  constructor(code: Code, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }
}

/** What a use case returns for expected outcomes; it throws only for bugs and infrastructure failures. */
export type Result<T, E extends DomainError = DomainError> = { ok: true; value: T } | { ok: false; error: E }

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const fail = <E extends DomainError>(error: E): { ok: false; error: E } => ({ ok: false, error })

/** Throws a 404 Response (also for records that belong to someone else: their existence is not disclosed). */
export function notFound(message = 'No encontramos lo que busca.'): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' })
}

/** Throws a 403 Response. */
export function forbidden(message = 'No tiene permiso para ver esta página.'): never {
  throw new Response(message, { status: 403, statusText: 'Forbidden' })
}

/** Throws a Response with `status` unless `condition` holds (Epic Stack's invariantResponse). */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, init)
}
