/**
 * Staff accounts, managed by admins ('users:manage'): create with a role and an optional service-area scope (the new
 * person sets their password through an emailed link), deactivate (ends their sessions at once). Audited.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm'
import { db } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { serviceAreas } from '../../db/schema/areas'
import { sessions, users, type Role } from '../../db/schema/auth'
import type { RequestMeta } from './password-reset.server'
import { issueUserToken } from './tokens.server'

export type StaffRow = {
  id: string
  email: string
  fullName: string
  role: Role
  serviceAreaName: string | null
  isActive: boolean
}

export async function listStaff(): Promise<StaffRow[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      serviceAreaName: serviceAreas.name,
      isActive: users.isActive,
    })
    .from(users)
    .leftJoin(serviceAreas, eq(serviceAreas.id, users.serviceAreaId))
    .where(ne(users.role, 'subscriber'))
    .orderBy(asc(users.fullName))
}

export async function listServiceAreaOptions(): Promise<{ id: string; name: string }[]> {
  return db.select({ id: serviceAreas.id, name: serviceAreas.name }).from(serviceAreas).orderBy(asc(serviceAreas.name))
}

export type StaffErrorCode = 'identity/email_taken' | 'identity/not_staff' | 'identity/self_deactivation'

export async function createStaffUser(
  input: { email: string; fullName: string; role: Exclude<Role, 'subscriber'>; serviceAreaId: string | null; origin: string },
  actor: { userId: string },
  meta: RequestMeta = {},
): Promise<Result<{ userId: string }, DomainError<StaffErrorCode>>> {
  const now = meta.now ?? new Date()
  const email = input.email.trim().toLowerCase()
  const ttlMinutes = await getSetting('identity.password_reset_minutes', { now })
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, fullName: input.fullName.trim(), role: input.role, serviceAreaId: input.serviceAreaId, emailVerifiedAt: now })
      .onConflictDoNothing()
      .returning({ id: users.id })
    if (!created) return fail(new DomainError('identity/email_taken', 'Ya existe un usuario con ese correo.'))
    const token = await issueUserToken(tx, { userId: created.id, purpose: 'password_reset', ttlMinutes, now })
    await enqueueEmail(tx, {
      to: email,
      template: 'password-reset',
      props: {
        fullName: input.fullName.trim(),
        url: `${input.origin}/recuperar-clave/nueva?token=${encodeURIComponent(token)}`,
        validMinutes: ttlMinutes,
      },
      subject: 'Su usuario en la ventanilla virtual: elija su contraseña',
      related: { entityType: 'user', entityId: created.id },
    })
    await recordTrail(tx, {
      entityType: 'user',
      entityId: created.id,
      action: 'staff.created',
      actor: { kind: 'user', userId: actor.userId },
      summary: { after: { role: input.role, serviceAreaId: input.serviceAreaId } },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    return ok({ userId: created.id })
  })
}

/** Deactivates a staff user and deletes their sessions in the same transaction. */
export async function deactivateStaffUser(
  input: { userId: string },
  actor: { userId: string },
  meta: RequestMeta = {},
): Promise<Result<{ userId: string }, DomainError<StaffErrorCode>>> {
  const now = meta.now ?? new Date()
  if (input.userId === actor.userId) {
    return fail(new DomainError('identity/self_deactivation', 'No puede desactivar su propio usuario.'))
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ isActive: false, updatedAt: now })
      .where(and(eq(users.id, input.userId), ne(users.role, 'subscriber'), eq(users.isActive, true)))
      .returning({ id: users.id })
    if (!row) return fail(new DomainError('identity/not_staff', 'Ese usuario no existe, no es del personal o ya está desactivado.'))
    const ended = await tx.delete(sessions).where(eq(sessions.userId, row.id)).returning({ id: sessions.id })
    await recordTrail(tx, {
      entityType: 'user',
      entityId: row.id,
      action: 'staff.deactivated',
      actor: { kind: 'user', userId: actor.userId },
      summary: { sessionsEnded: ended.length },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    return ok({ userId: row.id })
  })
}

export async function findStaffName(userId: string): Promise<string | null> {
  const [row] = await db
    .select({ fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, userId), ne(users.role, 'subscriber'), sql`${users.isActive}`))
  return row?.fullName ?? null
}
