/**
 * Who may do what. Client-safe: the UI hides controls with `can()`, and the server checks again with the same table.
 * One place maps roles to permissions; routes ask for a permission, never for a role.
 */
import type { Role } from '../../db/schema/auth'

export const PERMISSIONS = [
  'portal:use', // a subscriber's own accounts, invoices, PQR
  'staff:home',
  'accounts:read',
  'billing:read',
  'billing:operate', // readings, liquidation runs, tariff drafts
  'billing:approve', // tariffs, liquidation issue
  'payments:read',
  'payments:operate', // bank files, unidentified payments
  'pqr:read',
  'pqr:assign',
  'pqr:work',
  'pqr:decide',
  'pqr:approve',
  'quality:audit',
  'surveys:manage',
  'service:operate', // suspensions, reinstatements, field orders
  'legal:act',
  'reports:read',
  'trail:read',
  'jobs:read',
  'settings:manage',
  'users:manage',
  'personal_data:manage', // habeas data requests (Ley 1581 de 2012)
  'mail:dev', // the local mailbox page (development and tests only)
] as const
export type Permission = (typeof PERMISSIONS)[number]

const STAFF_BASE: Permission[] = ['staff:home', 'accounts:read', 'billing:read', 'payments:read', 'pqr:read']

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  subscriber: ['portal:use'],
  agent: [...STAFF_BASE, 'pqr:work', 'pqr:decide'],
  auditor: [...STAFF_BASE, 'quality:audit', 'trail:read', 'reports:read'],
  coordinator: [
    ...STAFF_BASE,
    'billing:operate',
    'billing:approve',
    'pqr:assign',
    'pqr:work',
    'pqr:decide',
    'pqr:approve',
    'surveys:manage',
    'reports:read',
    'trail:read',
    'jobs:read',
  ],
  area_leader: [...STAFF_BASE, 'billing:operate', 'pqr:assign', 'pqr:work', 'pqr:decide', 'reports:read', 'jobs:read'],
  collections: [...STAFF_BASE, 'payments:operate', 'jobs:read'],
  crew: ['staff:home', 'accounts:read', 'service:operate'],
  legal: [...STAFF_BASE, 'legal:act', 'trail:read', 'personal_data:manage'],
  admin: [...STAFF_BASE, 'settings:manage', 'users:manage', 'personal_data:manage', 'trail:read', 'jobs:read', 'mail:dev'],
}

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return Boolean(user && ROLE_PERMISSIONS[user.role].includes(permission))
}

export function isStaffRole(role: Role): boolean {
  return role !== 'subscriber'
}
