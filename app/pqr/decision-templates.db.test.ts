/** New versions of decision templates: numbered per code, checked for placeholders, old versions kept. */
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '~/db.server'
import { pqrDecisionTemplates } from '../../db/schema/pqr'
import { insertStaffUser } from './decide-fixtures.server'
import { currentTemplates } from './decision-page.server'
import { addTemplateVersion } from './decision-templates.server'

test('a new version of a seeded template becomes the current one; an unknown placeholder is refused', async () => {
  const coordinator = await insertStaffUser(db, 'coordinator')
  const input = {
    code: 'no_accede',
    decisionType: 'no_accede' as const,
    title: 'No accede (v2)',
    body: 'Señor(a) {{nombre}}: sobre su solicitud {{radicado}}, la empresa no accede.',
    legalGrounds: 'Ley 142 de 1994, art. 154.',
    actor: { id: coordinator.id },
  }
  expect(await addTemplateVersion({ ...input, body: 'Hola {{nombr}}' })).toMatchObject({
    ok: false,
    error: { code: 'pqr/template_placeholders' },
  })
  expect(await addTemplateVersion(input)).toMatchObject({ ok: true, value: { version: 2 } })
  const versions = await db
    .select({ v: pqrDecisionTemplates.version })
    .from(pqrDecisionTemplates)
    .where(eq(pqrDecisionTemplates.code, 'no_accede'))
  expect(versions.map((r) => r.v).sort()).toEqual([1, 2])
  const { latest } = await currentTemplates(db)
  expect(latest.find((t) => t.code === 'no_accede')).toMatchObject({ version: 2, title: 'No accede (v2)' })
  expect(latest.map((t) => t.code).sort()).toEqual([
    'accede',
    'accede_parcial_credito',
    'accede_reclamo_credito',
    'archiva_desistimiento',
    'no_accede',
    'rechaza_extemporaneo',
    'traslada_competencia',
  ])
})
