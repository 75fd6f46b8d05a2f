import { checkConnection, closeDb, db } from '../app/db.server'
import { runMigrations } from './migrate'

const check = await checkConnection()
if (!check.ok) {
  console.error(check.message)
  process.exit(1)
}
const { applied } = await runMigrations(db)
console.log(`Migraciones aplicadas: ${applied}`)
await closeDb()
