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
        <div className="field">
          <label>
            <input type="checkbox" name="reposicion" defaultChecked={draft ? Boolean(rep) : true} /> Recurso
            de reposición
          </label>
        </div>
        <div className="field">
          <label htmlFor="reposicionDays">Plazo de reposición (días hábiles)</label>
          <input
            id="reposicionDays"
            name="reposicionDays"
            inputMode="numeric"
            defaultValue={rep?.termBusinessDays ?? d.defaults.recursoDays}
          />
        </div>
        <div className="field">
          <label htmlFor="reposicionFileWith">Ante quién y dónde</label>
          <textarea
            id="reposicionFileWith"
            name="reposicionFileWith"
            rows={2}
            defaultValue={rep?.fileWith ?? d.defaults.reposicionFileWith}
          />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="apelacion" defaultChecked={draft ? Boolean(ape) : true} /> Recurso de
            apelación en subsidio
          </label>
        </div>
        <div className="field">
          <label htmlFor="apelacionDays">Plazo de apelación (días hábiles)</label>
          <input
            id="apelacionDays"
            name="apelacionDays"
            inputMode="numeric"
            defaultValue={ape?.termBusinessDays ?? d.defaults.recursoDays}
          />
        </div>
        <div className="field">
          <label htmlFor="apelacionFileWith">Ante quién y dónde</label>
          <textarea
            id="apelacionFileWith"
            name="apelacionFileWith"
            rows={2}
            defaultValue={ape?.fileWith ?? d.defaults.apelacionFileWith}
          />
        </div>
      </fieldset>
      <button type="submit" className="button">
        Guardar el proyecto
      </button>
    </Form>
  )
}
