/** The staff navigation: each item names the permission it needs, and the header shows only what `can()` allows. */
import { can, type Permission } from '~/auth/permissions'
import type { Role } from '../../db/schema/auth'

export type NavItem = {
  to: string
  label: string
  permission: Permission
  /** Shown on the staff home card for this item; items without one get no card. */
  description?: string
  end?: boolean
}

// Only routes that exist. Each later issue adds its own line here when it adds the route.
export const STAFF_NAV: readonly NavItem[] = [{ to: '/gestion', label: 'Inicio', permission: 'staff:home', end: true }]

/** Items with a card on the staff home (everything but Inicio). */
export function staffCardsFor(user: { role: Role }): NavItem[] {
  return staffNavFor(user).filter((item) => item.description)
}

export function staffNavFor(user: { role: Role }): NavItem[] {
  return STAFF_NAV.filter((item) => can(user, item.permission))
}
