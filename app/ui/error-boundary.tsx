/** The one error view of every area, in Spanish, with per-status messages. */
import { isRouteErrorResponse, Link, useParams, useRouteError, type ErrorResponse } from '@remix-run/react'
import type { ReactNode } from 'react'

type StatusHandler = (info: { error: ErrorResponse; params: Record<string, string | undefined> }) => ReactNode

const DEFAULT_HANDLERS: Record<number, StatusHandler> = {
  403: () => (
    <>
      <h1>No tiene permiso para ver esta página</h1>
      <p>No tiene permiso para ver esta página. Si cree que es un error, comuníquese con la empresa.</p>
    </>
  ),
  404: () => (
    <>
      <h1>No encontramos lo que busca</h1>
      <p>No encontramos la página o el registro que busca. Revise la dirección o vuelva al inicio.</p>
    </>
  ),
}

function ErrorPanel({ children, homeHref }: { children: ReactNode; homeHref: string }) {
  return (
    <div className="error-panel" role="alert">
      {children}
      <p>
        <Link to={homeHref}>Volver al inicio</Link>
      </p>
    </div>
  )
}

export function GeneralErrorBoundary({
  statusHandlers,
  unexpectedErrorHandler,
  homeHref = '/',
}: {
  statusHandlers?: Record<number, StatusHandler>
  unexpectedErrorHandler?: (error: unknown) => ReactNode
  homeHref?: string
}) {
  const error = useRouteError()
  const params = useParams()
  if (typeof document !== 'undefined') console.error(error)

  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers?.[error.status] ?? DEFAULT_HANDLERS[error.status]
    return (
      <ErrorPanel homeHref={homeHref}>
        {handler ? (
          handler({ error, params })
        ) : (
          <>
            <h1>No pudimos completar la solicitud</h1>
            <p>Ocurrió un error ({error.status}). Intente de nuevo más tarde.</p>
          </>
        )}
      </ErrorPanel>
    )
  }
  return (
    <ErrorPanel homeHref={homeHref}>
      {unexpectedErrorHandler ? (
        unexpectedErrorHandler(error)
      ) : (
        <>
          <h1>Algo salió mal</h1>
          <p>Ocurrió un error inesperado. Intente de nuevo en unos minutos.</p>
        </>
      )}
    </ErrorPanel>
  )
}
