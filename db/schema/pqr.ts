/**
 * PQR case management (issue 6): catalogues (types with SUI codes, causales), radicado counters, cases with their
 * clocks, the event timeline, invoices under claim, decisions from versioned templates, notifications and tasks
 * (silencio positivo recognition, approvals, next notification steps). States: ../shared/DESIGN.md "PQR lifecycle".
 * Writes go only through app/pqr. Imports only drizzle and siblings (drizzle-kit does not resolve aliases).
 */
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { serviceAreas } from './areas'
import { accounts } from './premises'
import { invoices } from './ledger'
import { storedFiles } from './storage'
import { workOrders } from './service'

const money = (name: string) => numeric(name, { precision: 14, scale: 2 })

/** The canonical states (DESIGN.md); recursos reuse them up to notificada, the appeals issue adds the SSPD leg. */
export const PQR_STATES = [
  'radicada',
  'asignada',
  'en_tramite',
  'en_pruebas',
  'remitida_por_competencia',
  'decidida',
  'citada',
  'notificada',
  'en_termino_de_recursos',
  'firme',
  'recurrida',
  'por_trasladar_sspd',
  'enviada_sspd',
  'decidida_sspd',
  'silencio_positivo',
  'cerrada',
] as const
export type PqrState = (typeof PQR_STATES)[number]
export const pqrStateEnum = pgEnum('pqr_state', PQR_STATES)

export const PQR_CHANNELS = ['portal', 'web_publico', 'presencial', 'telefonico', 'escrito', 'correo'] as const
export type PqrChannel = (typeof PQR_CHANNELS)[number]
export const pqrChannelEnum = pgEnum('pqr_channel', PQR_CHANNELS)

/** Types of request (catalogue as data: petición, queja, reclamo, recursos…), with the SUI code where one exists. */
export const pqrTypes = pgTable('pqr_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  suiCode: text('sui_code'),
  /** A billing claim: carries account, invoices and a disputed amount (Ley 142 art. 155). */
  isBillingClaim: boolean('is_billing_claim').notNull().default(false),
  /** Recurso de reposición / reposición y en subsidio de apelación: built by the appeals issue. */
  isRecurso: boolean('is_recurso').notNull().default(false),
  active: boolean('active').notNull().default(true),
  sortOrder: smallint('sort_order').notNull().default(0),
})

/** Causales (detalle de causal) from the SUI catalogue, formats.md §4.4, as data. */
export const pqrCausales = pgTable('pqr_causales', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  groupName: text('group_name').notNull(),
  /** facturación | prestación | otros: decides whether an account and invoices are asked for. */
  scope: text('scope').notNull(),
  active: boolean('active').notNull().default(true),
})

/** Consecutive radicados per year and direction (entrada / salida): one row locked per number, never max+1. */
export const radicadoCounters = pgTable(
  'radicado_counters',
  {
    year: smallint('year').notNull(),
    direction: text('direction').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.direction] })],
)

export const pqrCases = pgTable(
  'pqr_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    radicado: text('radicado').notNull().unique(),
    radicadoYear: smallint('radicado_year').notNull(),
    radicadoSeq: integer('radicado_seq').notNull(),
    typeCode: text('type_code')
      .notNull()
      .references(() => pqrTypes.code),
    causalCode: text('causal_code').references(() => pqrCausales.code),
    channel: pqrChannelEnum('channel').notNull(),
    state: pqrStateEnum('state').notNull().default('radicada'),
    accountId: uuid('account_id').references(() => accounts.id),
    areaId: uuid('area_id').references(() => serviceAreas.id),
    /** The signed-in subscriber who filed it (portal); null for public and counter filings. */
    filedByUserId: uuid('filed_by_user_id').references(() => users.id),
    filerName: text('filer_name').notNull(),
    filerDocumentType: text('filer_document_type').notNull(),
    filerDocumentNumber: text('filer_document_number').notNull(),
    filerEmail: text('filer_email'),
    filerPhone: text('filer_phone'),
    filerAddress: text('filer_address'),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    disputedAmount: money('disputed_amount'),
    /** A claim against an invoice issued more than 5 calendar months earlier (Ley 142 art. 154): received, flagged. */
    extemporaneous: boolean('extemporaneous').notNull().default(false),
    /** Snapshot of the consent to electronic notification at filing (CPACA art. 56). */
    electronicNotificationConsent: boolean('electronic_notification_consent').notNull().default(false),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The Bogotá calendar date of receipt; a written filing keeps its reception date. */
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** Clocks, recomputed from the events by app/pqr (computeClocks) and stored for the queue. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    trasladoDueOn: date('traslado_due_on', { mode: 'string' }),
    nextStepDueOn: date('next_step_due_on', { mode: 'string' }),
    recursoUntil: date('recurso_until', { mode: 'string' }),
    silencioRisk: boolean('silencio_risk').notNull().default(false),
    assignedTo: uuid('assigned_to').references(() => users.id),
    /** The case this recurso challenges (appeals issue). */
    parentCaseId: uuid('parent_case_id'),
    /** A form submitted twice yields one radicado. */
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the receipt link's secret: lets a filer without an account open the constancia again. */
    receiptTokenHash: text('receipt_token_hash'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pqr_cases_radicado_seq_key').on(t.radicadoYear, t.radicadoSeq),
    uniqueIndex('pqr_cases_idempotency_key').on(t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('pqr_cases_queue_idx').on(t.dueOn, t.state).where(sql`${t.state} not in ('cerrada', 'firme')`),
    // The queue of one área de prestación (area leaders, the area filter), in deadline order.
    index('pqr_cases_area_queue_idx').on(t.areaId, t.dueOn).where(sql`${t.state} not in ('cerrada', 'firme')`),
    index('pqr_cases_assigned_idx').on(t.assignedTo, t.dueOn),
    // Deadlines dashboard and alerts (app/pqr/dashboard.server.ts): the company's next step by date, in the states
    // where one runs (app/pqr/alerts.ts COMPANY_DEADLINE_STATES); the silencio risks; the cases in silencio.
    index('pqr_cases_company_due_idx')
      .on(t.nextStepDueOn, t.areaId)
      .where(sql`${t.state} in ('radicada', 'asignada', 'en_tramite', 'en_pruebas', 'decidida', 'citada')`),
    index('pqr_cases_silencio_risk_idx').on(t.areaId).where(sql`${t.silencioRisk} and ${t.state} not in ('cerrada', 'firme')`),
    index('pqr_cases_silencio_idx').on(t.areaId, t.dueOn).where(sql`${t.state} = 'silencio_positivo'`),
    // "Mis casos" and the agent filter of the queue: the open cases of one person in deadline order.
    index('pqr_cases_assigned_open_idx').on(t.assignedTo, t.dueOn).where(sql`${t.state} not in ('cerrada', 'firme')`),
    index('pqr_cases_account_idx').on(t.accountId),
    index('pqr_cases_filer_idx').on(t.filedByUserId),
    index('pqr_cases_document_idx').on(t.filerDocumentNumber),
    check('pqr_cases_disputed_check', sql`${t.disputedAmount} is null or ${t.disputedAmount} >= 0`),
  ],
)
export type PqrCase = typeof pqrCases.$inferSelect

/** Invoices under claim and how much of each is disputed (the rest must still be paid, art. 155). */
export const pqrCaseInvoices = pgTable(
  'pqr_case_invoices',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    disputedAmount: money('disputed_amount').notNull(),
    holdId: uuid('hold_id'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.invoiceId] }), index('pqr_case_invoices_invoice_idx').on(t.invoiceId)],
)

/** The timeline: every transition, note, order and notification step, with who, when and why. */
export const pqrEvents = pgTable(
  'pqr_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    kind: text('kind').notNull(),
    fromState: pqrStateEnum('from_state'),
    toState: pqrStateEnum('to_state'),
    /** Internal notes are never shown to the subscriber. */
    internal: boolean('internal').notNull().default(false),
    body: text('body'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pqr_events_case_idx').on(t.caseId, t.occurredAt)],
)
export type PqrEvent = typeof pqrEvents.$inferSelect

export const pqrAttachments = pgTable(
  'pqr_attachments',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** filer | agent | decision | constancia | evidence */
    role: text('role').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.fileId] })],
)

/** Visits and evidence ordered for a case (art. 158: a visit ordered may justify an extension). */
export const pqrWorkOrders = pgTable(
  'pqr_work_orders',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.workOrderId] })],
)

export const DECISION_TYPES = [
  'accede',
  'accede_parcialmente',
  'no_accede',
  'rechaza',
  'traslada_por_competencia',
  'archiva',
] as const
export type DecisionType = (typeof DECISION_TYPES)[number]
export const decisionTypeEnum = pgEnum('pqr_decision_type', DECISION_TYPES)

/** Versioned templates with placeholders; a new version is a new row, old decisions keep theirs. */
export const pqrDecisionTemplates = pgTable(
  'pqr_decision_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    decisionType: decisionTypeEnum('decision_type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    legalGrounds: text('legal_grounds').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pqr_decision_templates_version_key').on(t.code, t.version)],
)

export const DECISION_STATUSES = ['draft', 'pending_approval', 'approved', 'issued'] as const
export const decisionStatusEnum = pgEnum('pqr_decision_status', DECISION_STATUSES)

export const pqrDecisions = pgTable(
  'pqr_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    decisionType: decisionTypeEnum('decision_type').notNull(),
    status: decisionStatusEnum('status').notNull().default('draft'),
    templateId: uuid('template_id').references(() => pqrDecisionTemplates.id),
    body: text('body').notNull(),
    legalGrounds: text('legal_grounds').notNull(),
    /** [{ kind: 'reposicion' | 'apelacion', termBusinessDays, fileWith }]; a decision without them cannot be issued. */
    recursos: jsonb('recursos').$type<Array<{ kind: string; termBusinessDays: number; fileWith: string }>>().notNull(),
    /** The billing effect applied when issued: a credit (negative) or debit (positive) note on the invoice. */
    creditAmount: money('credit_amount'),
    debitAmount: money('debit_amount'),
    effectInvoiceId: uuid('effect_invoice_id').references(() => invoices.id),
    effectLedgerEntryId: uuid('effect_ledger_entry_id'),
    outgoingRadicado: text('outgoing_radicado').unique(),
    pdfFileId: uuid('pdf_file_id').references(() => storedFiles.id),
    draftedBy: uuid('drafted_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pqr_decisions_case_idx').on(t.caseId),
    uniqueIndex('pqr_decisions_one_issued_key').on(t.caseId).where(sql`${t.status} = 'issued'`),
  ],
)
export type PqrDecision = typeof pqrDecisions.$inferSelect

export const NOTIFICATION_KINDS = ['citacion', 'electronica', 'personal', 'aviso', 'publicacion', 'conducta_concluyente'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
export const notificationKindEnum = pgEnum('pqr_notification_kind', NOTIFICATION_KINDS)

/** Each notification step with its evidence (the appeals dossier reads these). */
export const pqrNotifications = pgTable(
  'pqr_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    decisionId: uuid('decision_id').references(() => pqrDecisions.id),
    kind: notificationKindEnum('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Electronic: the subscriber opened the decision (certified by the app: who, when, from where). */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    /** When the notification took effect (for aviso: the day after delivery, CPACA art. 69). */
    effectiveOn: date('effective_on', { mode: 'string' }),
    courier: text('courier'),
    guideNumber: text('guide_number'),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    returned: boolean('returned').notNull().default(false),
    publishedFrom: date('published_from', { mode: 'string' }),
    publishedUntil: date('published_until', { mode: 'string' }),
    evidence: jsonb('evidence').$type<Record<string, unknown>>(),
    /** Access token of the electronic notice link (hash only). */
    tokenHash: text('token_hash'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pqr_notifications_case_idx').on(t.caseId), uniqueIndex('pqr_notifications_token_key').on(t.tokenHash)],
)
export type PqrNotification = typeof pqrNotifications.$inferSelect

export const PQR_TASK_KINDS = ['silencio_recognition', 'extension_approval', 'decision_approval', 'notification_step'] as const
export const pqrTaskKindEnum = pgEnum('pqr_task_kind', PQR_TASK_KINDS)
export const PQR_TASK_STATUSES = ['open', 'done', 'cancelled'] as const
export const pqrTaskStatusEnum = pgEnum('pqr_task_status', PQR_TASK_STATUSES)

export const pqrTasks = pgTable(
  'pqr_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pqrCases.id),
    kind: pqrTaskKindEnum('kind').notNull(),
    status: pqrTaskStatusEnum('status').notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    outcome: text('outcome'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pqr_tasks_open_idx').on(t.kind, t.dueAt).where(sql`${t.status} = 'open'`),
    index('pqr_tasks_case_idx').on(t.caseId),
    uniqueIndex('pqr_tasks_one_open_key').on(t.caseId, t.kind).where(sql`${t.status} = 'open'`),
  ],
)
export type PqrTask = typeof pqrTasks.$inferSelect
