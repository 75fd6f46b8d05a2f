import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { issueDecision } from '~/pqr/decide.server'
import {
  approveDecision,
  requestDecisionApproval,
  returnDecision,
  saveDecisionDraft,
} from '~/pqr/decision-draft.server'
import { loadDecisionPage } from '~/pqr/decision-page.server'
import { DECISION_TYPE_LABELS } from '~/pqr/decision-rules'
import { DecisionActionSchema, type DecisionDraftForm } from '~/pqr/decision-schema'
import { STATE_LABELS } from '~/pqr/status'
import { publicOrigin } from '~/security/public-origin'
import { DateText } from '~/ui/date'
import { DraftDecisionForm } from '~/ui/decision-draft-form'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'
import { AlertMessage } from '~/ui/alert-message'

const STATUS_LABELS: Record<string, string> = {
  draft: 'Borrador',
  pending_approval: 'En aprobación',
  approved: 'Aprobada',
  issued: 'Expedida',
}

async function pageFor(
  request: Request,
  caseIdParam: string | undefined,
  user: { serviceAreaId: string | null },
) {
  const caseId = z.uuid().safeParse(caseIdParam)
  if (!caseId.success) notFound('No encontramos el caso.')
  const page = await loadDecisionPage(db, caseId.data, user.serviceAreaId)
  if (!page) notFound('No encontramos el caso.')
  return page
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:decide')
  const page = await pageFor(request, params.caseId, user)
  return { ...page, me: user.id, canApprove: can(user, 'pqr:approve') }
}

function recursosOf(v: DecisionDraftForm) {
  return [
    ...(v.reposicion
      ? [{ kind: 'reposicion', termBusinessDays: v.reposicionDays, fileWith: v.reposicionFileWith }]
      : []),
    ...(v.apelacion
      ? [{ kind: 'apelacion', termBusinessDays: v.apelacionDays, fileWith: v.apelacionFileWith }]
      : []),
  ]
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pqr:decide')
  const page = await pageFor(request, params.caseId, user)
  const parsed = DecisionActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const v = parsed.data
  const actor = { id: user.id }
  const decisionId = 'decisionId' in v ? v.decisionId : null
  if (decisionId && decisionId !== page.draft?.id)
    return data({ message: 'La decisión cambió mientras tanto. Recargue la página.' }, { status: 409 })
  if ((v.intent === 'approve' || v.intent === 'return') && !can(user, 'pqr:approve'))
    return data({ message: 'Solo la coordinación aprueba decisiones.' }, { status: 403 })
  const outcome =
    v.intent === 'draft'
      ? await saveDecisionDraft({
          caseId: page.case.id,
          templateId: v.templateId,
          invoiceId: v.invoiceId,
          creditAmount: v.creditAmount,
          debitAmount: v.debitAmount,
          body: v.body,
          legalGrounds: v.legalGrounds,
          recursos: recursosOf(v),
          actor,
        })
      : v.intent === 'request_approval'
        ? await requestDecisionApproval({ decisionId: v.decisionId, actor })
        : v.intent === 'approve'
          ? await approveDecision({ decisionId: v.decisionId, actor })
          : v.intent === 'return'
            ? await returnDecision({ decisionId: v.decisionId, note: v.note, actor })
            : await issueDecision({ decisionId: v.decisionId, actor, origin: publicOrigin(request) })
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  return redirect(
    v.intent === 'issue' ? `/gestion/casos/${page.case.id}` : `/gestion/casos/${page.case.id}/decision`,
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Decisión del caso ${d?.case.radicado ?? ''} · Gestión` },
]

export default function CaseDecisionRoute() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  const draft = d.draft
  return (
    <>
      <p>
        <Link to={`/gestion/casos/${d.case.id}`}>← Caso {d.case.radicado}</Link>
      </p>
      <h1>Decisión del caso {d.case.radicado}</h1>
      <p>
        {d.case.typeName} · {STATE_LABELS[d.case.state]} · vence el <DateText value={d.case.dueOn} />
        {d.case.disputedAmount ? (
          <>
            {' '}
            · en reclamo <Money value={d.case.disputedAmount} />
          </>
        ) : null}
      </p>
      <AlertMessage message={result?.message} />
      {d.issued ? (
        <section className="card" aria-labelledby="issued-title">
          <h2 id="issued-title">Decisión expedida {d.issued.outgoingRadicado}</h2>
          <p>
            {DECISION_TYPE_LABELS[d.issued.decisionType]}
            {d.issued.creditAmount ? (
              <>
                {' '}
                · nota crédito <Money value={d.issued.creditAmount} />
              </>
            ) : null}
          </p>
          {d.issued.pdfFileId ? (
            <p>
              <Link reloadDocument to={`/gestion/casos/${d.case.id}/archivos/${d.issued.pdfFileId}`}>
                Descargar la decisión (PDF)
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {draft ? <DraftActions /> : null}
      {!d.issued && d.allowed.length > 0 ? (
        <DraftDecisionForm
          key={draft?.id ?? 'new'}
          templates={d.templates}
          invoices={d.invoices}
          draft={d.draft}
          defaults={d.defaults}
        />
      ) : null}
      {!d.issued && d.allowed.length === 0 ? (
        <p>El caso está en un estado en el que no se puede decidir.</p>
      ) : null}
      <p aria-live="polite">{isPending ? 'Guardando…' : null}</p>
    </>
  )
}

function DraftActions() {
  const d = useLoaderData<typeof loader>()
  const isPending = useIsPending()
  const draft = d.draft!
  const mustApprove = d.approvalRequired && draft.status !== 'approved'
  return (
    <section className="card" aria-labelledby="draft-title">
      <h2 id="draft-title">
        Proyecto: {DECISION_TYPE_LABELS[draft.decisionType]} ({STATUS_LABELS[draft.status]})
      </h2>
      <p className="timeline-body" style={{ whiteSpace: 'pre-line' }}>
        {draft.body}
      </p>
      <p>
        <strong>Fundamentos:</strong> {draft.legalGrounds}
      </p>
      <ul>
        {draft.recursos.map((r) => (
          <li key={r.kind}>
            {r.kind === 'reposicion' ? 'Reposición' : 'Apelación'}: {r.termBusinessDays} días hábiles.{' '}
            {r.fileWith}
          </li>
        ))}
      </ul>
      {draft.creditAmount ? (
        <p>
          Nota crédito: <Money value={draft.creditAmount} />
        </p>
      ) : null}
      {draft.debitAmount ? (
        <p>
          Nota débito: <Money value={draft.debitAmount} />
        </p>
      ) : null}
      {draft.status === 'draft' && d.approvalRequired ? (
        <Form method="post">
          <input type="hidden" name="intent" value="request_approval" />
          <input type="hidden" name="decisionId" value={draft.id} />
          <button className="button" type="submit">
            Enviar a aprobación
          </button>
        </Form>
      ) : null}
      {draft.status === 'pending_approval' && d.canApprove && draft.draftedBy !== d.me ? (
        <>
          <Form method="post">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="decisionId" value={draft.id} />
            <button className="button" type="submit">
              Aprobar
            </button>
          </Form>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="decisionId" value={draft.id} />
            <div className="field">
              <label htmlFor="return-note">Qué debe corregirse</label>
              <textarea id="return-note" name="note" rows={2} required minLength={5} />
            </div>
            <button className="button" type="submit">
              Devolver para corrección
            </button>
          </Form>
        </>
      ) : null}
      {!mustApprove && draft.status !== 'pending_approval' ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="issue" />
          <input type="hidden" name="decisionId" value={draft.id} />
          <div className="field">
            <label>
              <input type="checkbox" name="confirm" value="si" required /> Revisé el texto, los fundamentos,
              los recursos y el efecto en la factura. Expedir no se puede deshacer.
            </label>
          </div>
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Expidiendo…">
            Expedir la decisión
          </StatusButton>
        </Form>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
