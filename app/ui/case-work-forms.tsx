/** The case page's work forms: assignment, ordering a visit and recording its result (posted to the case route). */
import { Form } from '@remix-run/react'
import { CASE_WORK_ORDER_KINDS, WORK_ORDER_LABELS } from '~/pqr/work-orders'

export type AssignmentProps = {
  can: { work: boolean; assign: boolean }
  assignedTo: string | null
  assignedName: string | null
  isMine: boolean
  agents: { id: string; name: string }[]
}

/** Take the case, assign it to someone (pqr:assign), or let the least-loaded agent of the area get it. */
export function CaseAssignment({ can, assignedTo, assignedName, isMine, agents }: AssignmentProps) {
  if (!can.work) return null
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title">Asignación</h2>
      {!assignedTo ? (
        <Form method="post">
          <input type="hidden" name="intent" value="take" />
          <button type="submit" className="button">
            Tomar este caso
          </button>
        </Form>
      ) : (
        <p>{isMine ? 'Este caso está asignado a usted.' : `Asignado a ${assignedName}.`}</p>
      )}
      {can.assign ? (
        <>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="assign" />
            <div className="field">
              <label htmlFor="assigneeId">Asignar a</label>
              <select id="assigneeId" name="assigneeId" required defaultValue="">
                <option value="" disabled>
                  Elija una persona
                </option>
                {agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Asignar
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="auto_assign" />
            <button type="submit" className="link-button">
              Asignar automáticamente (agente del área con menos casos)
            </button>
          </Form>
        </>
      ) : null}
    </section>
  )
}

/** Orders a visit or evidence on the case's account (art. 158: evidence may justify an extension). */
export function OrderVisitForm() {
  return (
    <Form method="post" className="form">
      <h3>Ordenar una visita o prueba</h3>
      <input type="hidden" name="intent" value="order_visit" />
      <div className="field">
        <label htmlFor="visit-kind">Tipo</label>
        <select id="visit-kind" name="kind" required>
          {CASE_WORK_ORDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {WORK_ORDER_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="visit-reason">Qué debe verificarse</label>
        <textarea id="visit-reason" name="reason" rows={2} required minLength={5} />
      </div>
      <div className="field">
        <label htmlFor="visit-date">Fecha programada (opcional)</label>
        <input id="visit-date" name="scheduledOn" type="date" />
      </div>
      <button type="submit" className="button">
        Ordenar visita
      </button>
    </Form>
  )
}

/** Records what the visit found; the case returns to en_tramite when no order is pending. */
export function VisitResultForm({ id, label, today }: { id: string; label: string; today: string }) {
  return (
    <Form method="post" className="form">
      <h3>Resultado: {label}</h3>
      <input type="hidden" name="intent" value="visit_result" />
      <input type="hidden" name="workOrderId" value={id} />
      <div className="field">
        <label htmlFor={`vd-${id}`}>Fecha de la visita</label>
        <input id={`vd-${id}`} name="visitedOn" type="date" required defaultValue={today} max={today} />
      </div>
      <div className="field">
        <label htmlFor={`vf-${id}`}>Hallazgos</label>
        <textarea id={`vf-${id}`} name="findings" rows={3} required minLength={5} />
      </div>
      <div className="field">
        <label htmlFor={`vr-${id}`}>Lectura del medidor (m³, opcional)</label>
        <input id={`vr-${id}`} name="meterReading" inputMode="numeric" />
      </div>
      <div className="field">
        <label htmlFor={`vm-${id}`}>Estado del medidor</label>
        <select id={`vm-${id}`} name="meterOk" defaultValue="">
          <option value="">No se revisó</option>
          <option value="si">En buen estado</option>
          <option value="no">Con fallas</option>
        </select>
      </div>
      <button type="submit" className="button">
        Registrar resultado
      </button>
    </Form>
  )
}
