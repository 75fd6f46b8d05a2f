/**
 * The pieces of the PQR filing forms (portal, public form, staff counter): type and causal from the catalogues, the
 * facts, the filer, the invoices under claim, attachments and the consent to electronic notification. Plain named
 * inputs, so the forms work without JavaScript; the route's Conform schema validates them on the server.
 */
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { DOCUMENT_TYPE_LIST } from '~/utils/documents'
import { formatCOP, formatDate } from '~/utils/format'
import { ErrorList, Field, type ListOfErrors } from './forms'

type FieldMeta = { id: string; name: string; errors?: ListOfErrors; errorId: string; initialValue?: unknown }

function described(meta: FieldMeta, helpId?: string) {
  const hasErrors = Boolean(meta.errors?.some(Boolean))
  return {
    'aria-invalid': hasErrors || undefined,
    'aria-describedby': [helpId, hasErrors ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined,
  }
}

const initial = (meta: FieldMeta) => (typeof meta.initialValue === 'string' ? meta.initialValue : undefined)

export function SelectField({
  label,
  meta,
  help,
  children,
  selectProps,
}: {
  label: string
  meta: FieldMeta
  help?: ReactNode
  children: ReactNode
  selectProps?: SelectHTMLAttributes<HTMLSelectElement>
}) {
  const helpId = help ? `${meta.id}-help` : undefined
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {help ? <p id={helpId} className="field-help">{help}</p> : null}
      <select id={meta.id} name={meta.name} defaultValue={initial(meta) ?? ''} {...described(meta, helpId)} {...selectProps}>
        {children}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function TextAreaField({
  label,
  meta,
  help,
  textareaProps,
}: {
  label: string
  meta: FieldMeta
  help?: ReactNode
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>
}) {
  const helpId = help ? `${meta.id}-help` : undefined
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {help ? <p id={helpId} className="field-help">{help}</p> : null}
      <textarea id={meta.id} name={meta.name} defaultValue={initial(meta)} rows={6} {...described(meta, helpId)} {...textareaProps} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export type CatalogueOptions = {
  types: Array<{ code: string; name: string; isBillingClaim: boolean }>
  causales: Array<{ code: string; name: string; groupName: string; scope: string }>
}

export function CatalogueFields({ catalogue, typeMeta, causalMeta }: { catalogue: CatalogueOptions; typeMeta: FieldMeta; causalMeta: FieldMeta }) {
  const groups = [...new Set(catalogue.causales.map((c) => c.groupName))]
  return (
    <>
      <SelectField label="Tipo de solicitud" meta={typeMeta} help="Un reclamo es una inconformidad con la factura o el servicio; una queja, con la atención recibida.">
        <option value="">Elija…</option>
        {catalogue.types.map((t) => (
          <option key={t.code} value={t.code}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Motivo" meta={causalMeta} help="Si reclama por la factura, elija un motivo de «Facturación» e indique abajo la factura y el valor.">
        <option value="">Elija…</option>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {catalogue.causales
              .filter((c) => c.groupName === g)
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
    </>
  )
}

/** The invoices of the chosen account (portal): an amount typed next to an invoice puts it under claim. */
export function InvoiceClaimRows({ invoices }: { invoices: Array<{ id: string; number: number | null; issueOn: string; charges: string }> }) {
  if (invoices.length === 0) return <p className="field-help">Esta cuenta no tiene facturas expedidas.</p>
  return (
    <fieldset className="card">
      <legend>Facturas en reclamo (solo para reclamos por facturación)</legend>
      <p className="field-help">
        Escriba el valor con el que no está de acuerdo junto a cada factura que reclama. Ese valor no se le cobrará
        mientras resolvemos; el resto de la factura debe pagarse en su fecha (Ley 142 art. 155).
      </p>
      {invoices.map((inv, i) => (
        <div className="field" key={inv.id}>
          <input type="hidden" name={`claims[${i}].invoiceId`} value={inv.id} />
          <label htmlFor={`claim-${i}`}>
            Factura No. {inv.number ?? 'sin número'} del {formatDate(inv.issueOn)} por {formatCOP(inv.charges)}: valor en reclamo
          </label>
          <input id={`claim-${i}`} name={`claims[${i}].disputedAmount`} inputMode="decimal" autoComplete="off" placeholder="Ej.: 25.000" />
        </div>
      ))}
    </fieldset>
  )
}

/** Invoice number and amount typed by hand (public form, counter), up to three invoices. */
export function InvoiceNumberRows() {
  return (
    <fieldset className="card">
      <legend>Facturas en reclamo (solo para reclamos por facturación)</legend>
      <p className="field-help">El número de la factura está en la parte superior de su factura.</p>
      {[0, 1, 2].map((i) => (
        <div key={i} className="field">
          <label htmlFor={`claim-number-${i}`}>Número de la factura {i + 1}</label>
          <input id={`claim-number-${i}`} name={`claims[${i}].invoiceNumber`} inputMode="numeric" autoComplete="off" />
          <label htmlFor={`claim-amount-${i}`}>Valor en reclamo de la factura {i + 1}</label>
          <input id={`claim-amount-${i}`} name={`claims[${i}].disputedAmount`} inputMode="decimal" autoComplete="off" placeholder="Ej.: 25.000" />
        </div>
      ))}
    </fieldset>
  )
}

export function AttachmentsField({ maxKb, maxCount }: { maxKb: number; maxCount: number }) {
  return (
    <div className="field">
      <label htmlFor="attachments">Documentos de soporte (opcional)</label>
      <p id="attachments-help" className="field-help">
        PDF, JPG o PNG; hasta {maxCount} archivos de máximo {Math.round(maxKb / 1024)} MB cada uno.
      </p>
      <input id="attachments" name="attachments" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="attachments-help" />
    </div>
  )
}

export function ConsentField({ meta, defaultChecked }: { meta: FieldMeta; defaultChecked?: boolean }) {
  return (
    <div className="field">
      <label>
        <input type="checkbox" name={meta.name} id={meta.id} defaultChecked={defaultChecked} style={{ width: 'auto', marginRight: '0.5rem' }} /> Autorizo que la
        respuesta me sea notificada por correo electrónico (CPACA art. 56).
      </label>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function DocumentTypeOptions() {
  return (
    <>
      {DOCUMENT_TYPE_LIST.map((d) => (
        <option key={d.abbreviation} value={d.abbreviation}>
          {d.label}
        </option>
      ))}
    </>
  )
}

/** A field people never see: bots fill it, and a filled one is refused (public form). */
export function Honeypot() {
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor="website">Deje este campo vacío</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  )
}

/** The props of a plain text input bound to a Conform field, keeping what the person typed after a failed submit. */
export function textInput(meta: FieldMeta, extra: Record<string, string> = {}) {
  return { id: meta.id, name: meta.name, defaultValue: initial(meta), ...extra }
}

type FilerMetas = Record<
  'filerName' | 'filerDocumentType' | 'filerDocumentNumber' | 'filerEmail' | 'filerPhone' | 'filerAddress',
  FieldMeta
>

/**
 * Who files and how to reach them (public form and staff counter). At the counter staff type another person's data,
 * so the browser must not offer to fill in their own.
 */
export function FilerFields({ fields, atCounter = false }: { fields: FilerMetas; atCounter?: boolean }) {
  const auto = (own: string) => ({ autoComplete: atCounter ? 'off' : own })
  return (
    <>
      <Field label={atCounter ? 'Nombre completo del peticionario' : 'Nombre completo'} inputProps={textInput(fields.filerName, atCounter ? {} : { autoComplete: 'name' })} errors={fields.filerName.errors} errorId={fields.filerName.errorId} />
      <SelectField label="Tipo de documento" meta={fields.filerDocumentType}>
        <DocumentTypeOptions />
      </SelectField>
      <Field label="Número de documento" inputProps={textInput(fields.filerDocumentNumber, { autoComplete: 'off' })} errors={fields.filerDocumentNumber.errors} errorId={fields.filerDocumentNumber.errorId} />
      <Field label="Correo electrónico" help={atCounter ? 'Al menos un medio de contacto: correo, teléfono o dirección.' : 'Indique al menos un medio de contacto: correo, teléfono o dirección.'} inputProps={textInput(fields.filerEmail, { type: 'email', ...auto('email') })} errors={fields.filerEmail.errors} errorId={fields.filerEmail.errorId} />
      <Field label="Teléfono" inputProps={textInput(fields.filerPhone, { type: 'tel', ...auto('tel') })} errors={fields.filerPhone.errors} errorId={fields.filerPhone.errorId} />
      <Field label="Dirección para notificaciones" inputProps={textInput(fields.filerAddress, auto('street-address'))} errors={fields.filerAddress.errors} errorId={fields.filerAddress.errorId} />
    </>
  )
}

type RequestMetas = Record<'typeCode' | 'causalCode' | 'subject' | 'description' | 'accountNumber' | 'claims', FieldMeta>

/** What is asked, about which account and which invoices (by number), for the forms without a signed-in subscriber. */
export function RequestFields(props: { catalogue: CatalogueOptions; fields: RequestMetas; accountLabel: string }) {
  const { fields } = props
  return (
    <>
      <CatalogueFields catalogue={props.catalogue} typeMeta={fields.typeCode} causalMeta={fields.causalCode} />
      <Field label="Asunto" inputProps={textInput(fields.subject, { maxLength: '200' })} errors={fields.subject.errors} errorId={fields.subject.errorId} />
      <TextAreaField label="Hechos y lo que solicita" meta={fields.description} />
      <Field label={props.accountLabel} inputProps={textInput(fields.accountNumber, { autoComplete: 'off' })} errors={fields.accountNumber.errors} errorId={fields.accountNumber.errorId} />
      <InvoiceNumberRows />
      <ErrorList id={fields.claims.errorId} errors={fields.claims.errors} />
    </>
  )
}
