/** The decision drafting form (posted to the case's decision route). */
import { Form } from '@remix-run/react'
import type { DecisionPage } from '~/pqr/decision-page.server'
import { DECISION_TYPE_LABELS } from '~/pqr/decision-rules'

type Props = Pick<DecisionPage, 'templates' | 'invoices' | 'draft' | 'defaults'>

/**
 * Drafting form: a template (only those coherent with the case), the invoice and its note, the text (empty: drafted
 * from the template), the grounds and the recursos with their term and where to file them (CPACA art. 67).
 */
export function DraftDecisionForm(d: Props) {
  const draft = d.draft
  const rep = draft?.recursos.find((r) => r.kind === 'reposicion')
  const ape = draft?.recursos.find((r) => r.kind === 'apelacion')
  return (
    <Form method="post" className="form card" aria-labelledby="form-title">
      <h2 id="form-title">{draft ? 'Modificar el proyecto' : 'Proyectar la decisión'}</h2>
      <input type="hidden" name="intent" value="draft" />
      <div className="field">
        <label htmlFor="templateId">Plantilla</label>
        <select id="templateId" name="templateId" required defaultValue={draft?.templateId ?? ''}>
          <option value="" disabled>
            Elija una plantilla
          </option>
          {d.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title} ({DECISION_TYPE_LABELS[t.decisionType]}, v{t.version})
            </option>
          ))}
        </select>
      </div>
      {d.invoices.length > 0 ? (
        <>
          <div className="field">
            <label htmlFor="invoiceId">Factura del reclamo</label>
            <select
              id="invoiceId"
              name="invoiceId"
              defaultValue={draft?.effectInvoiceId ?? d.invoices[0]?.id}
            >
              {d.invoices.map((i) => (
                <option key={i.id} value={i.id}>
                  No. {i.number ?? '—'} (en reclamo {i.disputedAmount})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="creditAmount">Nota crédito (pesos, opcional)</label>
            <input
              id="creditAmount"
              name="creditAmount"
              inputMode="decimal"
              defaultValue={draft?.creditAmount ?? ''}
            />
          </div>
          <div className="field">
            <label htmlFor="debitAmount">Nota débito (pesos, opcional)</label>
            <input
              id="debitAmount"
              name="debitAmount"
              inputMode="decimal"
              defaultValue={draft?.debitAmount ?? ''}
            />
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor="body">Texto (vacío: se redacta de la plantilla)</label>
        <textarea id="body" name="body" rows={10} defaultValue={draft?.body ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="legalGrounds">Fundamentos de derecho (vacío: los de la plantilla)</label>
        <textarea id="legalGrounds" name="legalGrounds" rows={3} defaultValue={draft?.legalGrounds ?? ''} />
      </div>
      <fieldset>
        <legend>Recursos que proceden (CPACA art. 67)</legend>
        <RecursoFields
          name="reposicion"
          title="Recurso de reposición"
          termLabel="Plazo de reposición (días hábiles)"
          isChecked={draft ? Boolean(rep) : true}
          days={rep?.termBusinessDays ?? d.defaults.recursoDays}
          fileWith={rep?.fileWith ?? d.defaults.reposicionFileWith}
        />
        <RecursoFields
          name="apelacion"
          title="Recurso de apelación en subsidio"
          termLabel="Plazo de apelación (días hábiles)"
          isChecked={draft ? Boolean(ape) : true}
          days={ape?.termBusinessDays ?? d.defaults.recursoDays}
          fileWith={ape?.fileWith ?? d.defaults.apelacionFileWith}
        />
      </fieldset>
      <button type="submit" className="button">
        Guardar el proyecto
      </button>
    </Form>
  )
}

/** One recurso's fields: whether it proceeds, its term and where to file it (names `<name>`, `<name>Days`, `<name>FileWith`). */
function RecursoFields(props: {
  name: 'reposicion' | 'apelacion'
  title: string
  termLabel: string
  isChecked: boolean
  days: number | string
  fileWith: string
}) {
  const { name } = props
  return (
    <>
      <div className="field">
        <label>
          <input type="checkbox" name={name} defaultChecked={props.isChecked} /> {props.title}
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${name}Days`}>{props.termLabel}</label>
        <input id={`${name}Days`} name={`${name}Days`} inputMode="numeric" defaultValue={props.days} />
      </div>
      <div className="field">
        <label htmlFor={`${name}FileWith`}>Ante quién y dónde</label>
        <textarea id={`${name}FileWith`} name={`${name}FileWith`} rows={2} defaultValue={props.fileWith} />
      </div>
    </>
  )
}
