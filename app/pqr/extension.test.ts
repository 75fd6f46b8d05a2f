import { describe, expect, test } from 'vitest'
import { checkExtension, DecideExtensionSchema, RequestExtensionSchema } from './extension'

const base = {
  today: '2025-04-10',
  dueOn: '2025-04-14',
  businessDays: 10,
  maxBusinessDays: 15,
  hasExtension: false,
}

describe('an extension of the answer term (Ley 142 art. 158)', () => {
  test.each([
    [{}, null, 'before the deadline, within the maximum'],
    [{ today: '2025-04-14' }, null, 'on the deadline day itself'],
    [{ today: '2025-04-15' }, 'pqr/extension_late', 'after the deadline'],
    [{ businessDays: 16 }, 'pqr/extension_too_long', 'longer than the setting'],
    [{ businessDays: 0 }, 'pqr/extension_too_long', 'zero days'],
    [{ hasExtension: true }, 'pqr/extension_exists', 'a second extension'],
  ])('%o → %s (%s)', (over, code, _why) => {
    const result = checkExtension({ ...base, ...over })
    expect(result.ok ? null : result.error.code).toBe(code)
  })

  test('the reason must be one art. 158 accepts, with a justification', () => {
    const good = RequestExtensionSchema.safeParse({
      reason: 'visita',
      businessDays: '10',
      justification: 'Se ordenó visita técnica al predio para revisar el medidor.',
    })
    expect(good.success && good.data.businessDays).toBe(10)
    const generic = RequestExtensionSchema.safeParse({
      reason: 'carga_de_trabajo',
      businessDays: '10',
      justification: 'Tenemos mucho trabajo acumulado este mes.',
    })
    expect(generic.success).toBe(false)
    expect(generic.error?.issues[0]?.message).toMatch(/art\. 158/)
    const short = RequestExtensionSchema.safeParse({
      reason: 'pruebas',
      businessDays: '5',
      justification: 'corta',
    })
    expect(short.error?.issues[0]?.message).toMatch(/al menos 20/)
  })

  test('approving needs a confirmation, denying needs a reason', () => {
    expect(DecideExtensionSchema.safeParse({ decision: 'approve' }).success).toBe(false)
    expect(DecideExtensionSchema.safeParse({ decision: 'approve', confirm: 'si' }).success).toBe(true)
    expect(DecideExtensionSchema.safeParse({ decision: 'deny', note: 'no' }).success).toBe(false)
    expect(
      DecideExtensionSchema.safeParse({ decision: 'deny', note: 'La visita no es necesaria para decidir.' })
        .success,
    ).toBe(true)
  })
})
