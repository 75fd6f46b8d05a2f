/** The decision as its addressee reads it (portal or emailed link), with the recursos and until when to file them. */
import type { DecisionView } from '~/pqr/decision-access.server'
import { DateText, InstantText } from './date'
import { Money } from './money'

export function DecisionDocument({ d, pdfHref }: { d: DecisionView; pdfHref: string }) {
  return (
    <>
      <h1>Decisión {d.outgoingRadicado}</h1>
      <p>
        Sobre su solicitud {d.caseRadicado} · {d.decisionTypeLabel} · expedida el{' '}
        <InstantText value={d.issuedAt} />
      </p>
      {d.recursoUntil ? (
        <p role="status" className="card">
          <strong>
            Puede interponer recursos contra esta decisión hasta el <DateText value={d.recursoUntil} />.
          </strong>
          {d.isFirstOpening
            ? ' Con esta consulta quedó notificado de la decisión (Ley 1437 de 2011, art. 56).'
            : null}
        </p>
      ) : null}
      <section className="card" aria-labelledby="decision-text">
        <h2 id="decision-text">Texto de la decisión</h2>
        <p className="timeline-body" style={{ whiteSpace: 'pre-line' }}>
          {d.body}
        </p>
        {d.creditAmount ? (
          <p>
            Se aplicó una nota crédito por <Money value={d.creditAmount} /> a la factura.
          </p>
        ) : null}
        <h3>Fundamentos de derecho</h3>
        <p>{d.legalGrounds}</p>
      </section>
      <section className="card" aria-labelledby="recursos-title">
        <h2 id="recursos-title">Recursos</h2>
        {d.recursos.length === 0 ? (
          <p>Contra esta comunicación no procede recurso.</p>
        ) : (
          <ul>
            {d.recursos.map((r) => (
              <li key={r.label}>
                <strong>{r.label}</strong>: dentro de los {r.termBusinessDays} días hábiles siguientes a la
                notificación. {r.fileWith}
              </li>
            ))}
          </ul>
        )}
        <p>
          Mientras se resuelven los recursos no tiene que pagar el valor en reclamo; sí las sumas no
          reclamadas (Ley 142 de 1994, art. 155).
        </p>
      </section>
      <p>
        <a className="button" href={pdfHref} download>
          Descargar la decisión (PDF)
        </a>
      </p>
    </>
  )
}
