/** Headers of the three areas (public, subscriber, staff) and the footer. */
import { Form, Link, NavLink } from '@remix-run/react'
import type { NavItem } from './staff-nav'

export const UTILITY_NAME = 'Aguas de la Sabana'

function Brand({ to }: { to: string }) {
  return (
    <Link to={to} className="brand">
      {UTILITY_NAME}
      <small>Ventanilla virtual · empresa de demostración</small>
    </Link>
  )
}

function LogoutForm() {
  return (
    <Form method="post" action="/salir">
      <button type="submit" className="link-button">
        Salir
      </button>
    </Form>
  )
}

export function PublicHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Brand to="/" />
        <div className="header-user">
          <Link to="/ingresar">Ingresar</Link>
        </div>
      </div>
    </header>
  )
}

export function SubscriberHeader({ fullName }: { fullName: string }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Brand to="/mi-cuenta" />
        <nav aria-label="Suscriptor" className="header-user">
          <NavLink to="/mi-cuenta" end>
            Mi cuenta
          </NavLink>
          <NavLink to="/mi-cuenta/pqr">Mis PQR</NavLink>
          <span>
            <span className="visually-hidden">Sesión de </span>
            {fullName}
          </span>
          <LogoutForm />
        </nav>
      </div>
    </header>
  )
}

export function StaffHeader({ fullName, roleLabel, items }: { fullName: string; roleLabel: string; items: NavItem[] }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Brand to="/gestion" />
        <div className="header-user">
          <span>
            {fullName} · {roleLabel}
          </span>
          <LogoutForm />
        </div>
      </div>
      <nav aria-label="Gestión" className="main-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {UTILITY_NAME} E.S.P. · Empresa ficticia de demostración. Servicios de acueducto, alcantarillado y aseo
        (Ley 142 de 1994).
      </p>
    </footer>
  )
}
