/**
 * Infrastructure tables every module uses: the job queue, versioned settings, the hash-chained audit trail and the
 * email outbox. Imports only drizzle and siblings (drizzle-kit does not resolve aliases).
 */
import { sql } from 'drizzle-orm'
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]
export const jobStatusEnum = pgEnum('job_status', JOB_STATUSES)

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    status: jobStatusEnum('status').notNull().default('queued'),
    /** Higher runs first. */
    priority: integer('priority').notNull().default(0),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    progressDone: integer('progress_done'),
    progressTotal: integer('progress_total'),
    progressMessage: text('progress_message'),
    /** Idempotent enqueue: a second enqueue with the same key returns the first job. */
    uniqueKey: text('unique_key'),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_unique_key')
      .on(t.uniqueKey)
      .where(sql`${t.uniqueKey} is not null`),
    index('jobs_ready_idx')
      .on(t.priority, t.runAt)
      .where(sql`${t.status} = 'queued'`),
    index('jobs_running_idx')
      .on(t.lockedAt)
      .where(sql`${t.status} = 'running'`),
    index('jobs_created_idx').on(t.createdAt),
  ],
)
export type Job = typeof jobs.$inferSelect
export type NewJob = typeof jobs.$inferInsert

/** A setting's value from `effective_from` on; the catalogue (app/settings/catalog.ts) gives defaults and schemas. */
export const settings = pgTable(
  'settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('settings_key_effective_from').on(t.key, t.effectiveFrom)],
)
export type SettingRow = typeof settings.$inferSelect

export const ACTOR_KINDS = ['user', 'job', 'system'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]
export const actorKindEnum = pgEnum('trail_actor_kind', ACTOR_KINDS)

/** Append-only (a trigger forbids UPDATE and DELETE). Each entity is its own hash chain. */
export const auditTrail = pgTable(
  'audit_trail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorKind: actorKindEnum('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorJobId: uuid('actor_job_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    summary: jsonb('summary').notNull().default({}),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_trail_entity_seq').on(t.entityType, t.entityId, t.seq),
    index('audit_trail_occurred_idx').on(t.occurredAt),
    index('audit_trail_actor_user_idx').on(t.actorUserId),
  ],
)
export type TrailEntry = typeof auditTrail.$inferSelect

/** The head of each entity's chain: the row lock on it serialises writers of one entity only. */
export const auditTrailHeads = pgTable(
  'audit_trail_heads',
  {
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    hash: text('hash'),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] })],
)

export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]
export const emailStatusEnum = pgEnum('email_status', EMAIL_STATUSES)

/** What was sent is kept as proof: rendered HTML and text, provider id and time. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique('email_outbox_idempotency_key'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    template: text('template').notNull(),
    status: emailStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lastError: text('last_error'),
    provider: text('provider'),
    providerId: text('provider_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    relatedEntityType: text('related_entity_type'),
    relatedEntityId: text('related_entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('email_outbox_related_idx').on(t.relatedEntityType, t.relatedEntityId),
    index('email_outbox_to_idx').on(t.toAddress),
  ],
)
export type OutboxEmail = typeof emailOutbox.$inferSelect
