process.env.PGLITE_DATA_DIR = 'memory://'
delete process.env.DATABASE_URL
const { db, closeDb } = await import('/work/main/app/db.server')
const { runMigrations } = await import('/work/main/db/migrate')
const { seedDemo } = await import('/work/main/db/seed/demo')
await runMigrations(db)
const r = await seedDemo(db, { withHistory: process.argv.includes('--history'), log: (m) => console.log(m) })
console.log(JSON.stringify(r), 'maxRSS MiB', Math.round(process.resourceUsage().maxRSS / 1024))
await closeDb()
