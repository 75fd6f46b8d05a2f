/** The demo users: one per role, all with the same password, email verified. README and tests reuse DEMO_LOGINS. */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { hashPassword } from '../../app/auth/password.server'
import { users, type Role } from '../schema/auth'
import { userAccounts } from '../schema/premises'
import { DEMO_SUBSCRIBER_A, DEMO_SUBSCRIBER_B } from './builders/bundle'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>

export const DEMO_PASSWORD = 'Ventanilla2026!'

export type DemoLogin = { email: string; role: Role; roleLabel: string; fullName: string }

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: DEMO_SUBSCRIBER_A.email, role: 'subscriber', roleLabel: 'Suscriptor (2 cuentas)', fullName: DEMO_SUBSCRIBER_A.fullName },
  { email: DEMO_SUBSCRIBER_B.email, role: 'subscriber', roleLabel: 'Suscriptora (1 cuenta)', fullName: DEMO_SUBSCRIBER_B.fullName },
  { email: 'agente@demo.ventanilla.test', role: 'agent', roleLabel: 'Agente PQR', fullName: 'Paola Andrea Castro Villamil' },
  { email: 'auditor@demo.ventanilla.test', role: 'auditor', roleLabel: 'Auditor de calidad', fullName: 'Hernán Darío Quintero Salazar' },
  { email: 'coordinador@demo.ventanilla.test', role: 'coordinator', roleLabel: 'Coordinador comercial', fullName: 'Martha Lucía Forero Díaz' },
  { email: 'lider.area@demo.ventanilla.test', role: 'area_leader', roleLabel: 'Líder de área (Zipaquirá)', fullName: 'Andrés Felipe Moreno Cárdenas' },
  { email: 'cartera@demo.ventanilla.test', role: 'collections', roleLabel: 'Cartera y recaudo', fullName: 'Gloria Inés Bermúdez Torres' },
  { email: 'cuadrilla@demo.ventanilla.test', role: 'crew', roleLabel: 'Cuadrilla de campo', fullName: 'Wilson Alberto Rincón Páez' },
  { email: 'juridica@demo.ventanilla.test', role: 'legal', roleLabel: 'Oficina jurídica', fullName: 'Natalia Sofía Beltrán Ospina' },
  { email: 'admin@demo.ventanilla.test', role: 'admin', roleLabel: 'Administrador', fullName: 'Camilo Ernesto Vargas León' },
]

/** Creates the demo users (before the tariffs: the catalogue records who drafted and who approved them). */
export async function seedDemoUsers(db: AnyDb, opts: { now: Date; leaderAreaId: string }): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const login of DEMO_LOGINS) {
    const [row] = await db
      .insert(users)
      .values({
        email: login.email,
        fullName: login.fullName,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        role: login.role,
        serviceAreaId: login.role === 'area_leader' ? opts.leaderAreaId : null,
        emailVerifiedAt: opts.now,
      })
      .returning({ id: users.id })
    ids[login.email] = (row as { id: string }).id
  }
  return ids
}

/** Links demo subscribers A and B to their accounts (what requireSubscriber lists). */
export async function linkDemoAccounts(
  db: AnyDb,
  opts: { now: Date; userIds: Record<string, string>; accountsA: string[]; accountsB: string[] },
): Promise<void> {
  const ids = opts.userIds
  const links = [
    ...opts.accountsA.map((accountId) => ({ userId: ids[DEMO_SUBSCRIBER_A.email] as string, accountId, linkedAt: opts.now })),
    ...opts.accountsB.map((accountId) => ({ userId: ids[DEMO_SUBSCRIBER_B.email] as string, accountId, linkedAt: opts.now })),
  ]
  if (links.length) await db.insert(userAccounts).values(links)
}

/** Lines to print after seeding (and to paste in the README). */
export function formatDemoLogins(): string[] {
  return [
    `Usuarios de demostración (contraseña para todos: ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(38)} ${l.roleLabel}`),
  ]
}
