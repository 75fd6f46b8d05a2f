/**
 * Which gateway adapter the app uses: Wompi when its four keys are in the environment (WOMPI_PUBLIC_KEY,
 * WOMPI_PRIVATE_KEY, WOMPI_EVENTS_SECRET, WOMPI_INTEGRITY_SECRET), the local sandbox otherwise. Attempts remember
 * their gateway, so events and polling always go back to the adapter that made the attempt.
 */
import { db as defaultDb, type DbOrTx } from '~/db.server'
import type { GatewayName, PaymentGateway } from './gateway'
import { createSandboxGateway } from './sandbox.server'
import { createWompiGateway, wompiConfigFromEnv, type Env } from './wompi.server'

/** The adapter new attempts use. */
export function activeGatewayName(env: Env = process.env): GatewayName {
  return wompiConfigFromEnv(env) ? 'wompi' : 'sandbox'
}

/**
 * The adapter for `name`, or null when it is not configured (a Wompi event while Wompi has no keys; a sandbox event
 * while Wompi is configured: the sandbox exists only where no real gateway does). Tests point Wompi at the local
 * fake through WOMPI_API_URL.
 */
export function gatewayFor(name: GatewayName, db: DbOrTx = defaultDb): PaymentGateway | null {
  if (name === 'sandbox') {
    if (activeGatewayName() !== 'sandbox') return null
    warnSandboxInProduction()
    return createSandboxGateway(db)
  }
  const config = wompiConfigFromEnv()
  return config ? createWompiGateway(config) : null
}

let hasWarned = false
/** A production server without Wompi keys accepts make-believe payments: say so in the log, once per process. */
function warnSandboxInProduction(): void {
  if (hasWarned || process.env.NODE_ENV !== 'production') return
  hasWarned = true
  console.warn(JSON.stringify({ event: 'payments_sandbox_active', message: 'Sin llaves de Wompi: los pagos en línea usan la pasarela de prueba (ningún pago es real).' }))
}
