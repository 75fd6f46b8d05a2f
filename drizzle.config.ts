import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts', // index re-exports every schema file; a glob would also load *.test.ts
  out: './db/migrations',
})
