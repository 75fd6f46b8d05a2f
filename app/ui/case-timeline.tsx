/** The case timeline (who, when, what) and its attachments, as the case page shows them to staff. */
import { Link } from '@remix-run/react'
import { eventLabel, STATE_LABELS } from '~/pqr/status'
import type { PqrState } from '../../db/schema/pqr'
import { InstantText } from './date'

export type TimelineEvent = {
  id: string
  kind: string
  fromState: string | null
  toState: string | null
  internal: boolean
  body: string | null
  actor: string
  at: string
}

export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p>Sin eventos todavía.</p>
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{eventLabel(e.kind)}</strong>
            {e.internal ? (
              <>
                {' '}
                <span className="badge">Interna</span>
              </>
            ) : null}
            {e.toState ? (
              <>
                {' '}
                · {e.fromState ? `${STATE_LABELS[e.fromState as PqrState]} → ` : ''}
                {STATE_LABELS[e.toState as PqrState]}
              </>
            ) : null}
          </p>
          <p>
            <InstantText value={e.at} withTime /> · {e.actor}
          </p>
          {e.body ? (
            <p className="timeline-body" style={{ whiteSpace: 'pre-line' }}>
              {e.body}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

const ROLE_LABELS: Record<string, string> = {
  filer: 'Del solicitante',
  agent: 'Del agente',
  decision: 'Decisión',
  constancia: 'Constancia',
  evidence: 'Prueba',
}

export function CaseAttachments({
  caseId,
  attachments,
}: {
  caseId: string
  attachments: { fileId: string; role: string; name: string; size: number; addedAt: string }[]
}) {
  if (attachments.length === 0) return <p>Sin documentos.</p>
  return (
    <ul>
      {attachments.map((a) => (
        <li key={a.fileId}>
          <Link to={`/gestion/casos/${caseId}/archivos/${a.fileId}`} reloadDocument>
            {a.name}
          </Link>{' '}
          ({ROLE_LABELS[a.role] ?? a.role}, {Math.max(1, Math.round(a.size / 1024))} KB,{' '}
          <InstantText value={a.addedAt} />)
        </li>
      ))}
    </ul>
  )
}
