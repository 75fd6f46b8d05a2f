/** `npm run trail:verify`: checks every hash chain of the audit trail; exit code 1 when one is broken. */
import { closeDb } from '~/db.server'
import { verifyTrail } from './verify.server'

const REASONS = {
  hash_mismatch: 'el contenido no coincide con su hash (registro alterado)',
  prev_hash_mismatch: 'el hash anterior no coincide (cadena rota)',
  seq_gap: 'falta un registro en la secuencia',
  head_mismatch: 'la cabeza de la cadena no coincide con su último registro (registros eliminados)',
} as const

async function main() {
  console.log('Verificando la bitácora de auditoría…')
  const report = await verifyTrail(undefined, {
    onProgress: (n) => {
      if (n > 0 && n % 50_000 === 0) console.log(`  ${n.toLocaleString('es-CO')} registros revisados`)
    },
  })
  console.log(
    `Registros: ${report.entries.toLocaleString('es-CO')} · cadenas: ${report.chains.toLocaleString('es-CO')}`,
  )
  if (report.broken.length === 0) {
    console.log('Todas las cadenas están íntegras.')
    return 0
  }
  console.error(`Registros con problemas: ${report.broken.length}`)
  for (const b of report.broken) {
    console.error(`  ${b.entityType} ${b.entityId} · secuencia ${b.seq ?? '—'}: ${REASONS[b.reason]}`)
  }
  return 1
}

main()
  .then(async (code) => {
    await closeDb()
    process.exit(code)
  })
  .catch(async (error: unknown) => {
    console.error('No se pudo verificar la bitácora:', error instanceof Error ? error.message : error)
    await closeDb().catch(() => {})
    process.exit(1)
  })
