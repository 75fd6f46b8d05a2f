import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makePaymentReference } from '~/billing/payment-reference'
import { integritySignature, toAmountInCents, verifyEventChecksum } from './wompi-signature'

const EVENTS_SECRET = 'test_events_XYZ'
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/wompi/${name}.json`, 'utf8'))

describe('integritySignature (formats.md §3.3 vectors)', () => {
  const base = {
    reference: 'FAC-2025-000123',
    amountInCents: '8540000',
    currency: 'COP',
    secret: 'test_integrity_ABC123',
  }

  it('signs reference + amount + currency + secret', () => {
    expect(integritySignature(base)).toBe('c52dad453442ca3034045e745c0c702dee97446acfe8b15bc7b10f2abfd92a79')
  })

  it('adds the expiration time only when sent', () => {
    expect(integritySignature({ ...base, expirationTime: '2025-03-15T23:59:59.000Z' })).toBe(
      'b8cf68bfc61c3bde41c0da18b7c30eed3387275399d76adac2b01cbfae4945e9',
    )
  })

  it('changes with the amount and refuses a non-integer amount', () => {
    expect(integritySignature({ ...base, amountInCents: '8540001' })).not.toBe(integritySignature(base))
    expect(() => integritySignature({ ...base, amountInCents: '85400.00' })).toThrow()
  })
})

describe('toAmountInCents', () => {
  it('converts exact decimal strings to integer cents', () => {
    expect(toAmountInCents('85400')).toBe('8540000')
    expect(toAmountInCents('85400.00')).toBe('8540000')
    expect(toAmountInCents('42100.5')).toBe('4210050')
    expect(toAmountInCents('0.01')).toBe('1')
    expect(toAmountInCents('999999999999.99')).toBe('99999999999999')
  })

  it('refuses fractions of a centavo, negatives and floats', () => {
    expect(() => toAmountInCents('85400.001')).toThrow(/fracciones de centavo/)
    expect(() => toAmountInCents('-1.00')).toThrow(/negativo/)
    expect(() => toAmountInCents(85400)).toThrow()
  })
})

describe('verifyEventChecksum (formats.md §3.4)', () => {
  it('accepts the documented vector (approved event fixture)', () => {
    const event = fixture('approved')
    expect(event.signature.checksum).toBe('9e438f4bb43967ceea51fc59e24fe7ec1e20c232cdf5717f9d497c810042d338')
    expect(verifyEventChecksum(event, EVENTS_SECRET)).toEqual({ ok: true })
  })

  it.each(['declined', 'voided', 'pending'])('accepts the %s event fixture', (name) => {
    expect(verifyEventChecksum(fixture(name), EVENTS_SECRET)).toEqual({ ok: true })
  })

  it('refuses an event whose amount was changed (negative vector)', () => {
    const event = fixture('approved')
    event.data.transaction.amount_in_cents = 1000
    expect(verifyEventChecksum(event, EVENTS_SECRET)).toEqual({
      ok: false,
      reason: 'La suma de verificación del evento no coincide',
    })
  })

  it('refuses the wrong secret and a changed timestamp', () => {
    expect(verifyEventChecksum(fixture('approved'), 'test_events_OTHER').ok).toBe(false)
    expect(verifyEventChecksum({ ...fixture('approved'), timestamp: 1530291412 }, EVENTS_SECRET).ok).toBe(
      false,
    )
  })

  it('accepts an uppercase checksum', () => {
    const event = fixture('approved')
    event.signature.checksum = event.signature.checksum.toUpperCase()
    expect(verifyEventChecksum(event, EVENTS_SECRET)).toEqual({ ok: true })
  })

  it('reads the properties in the given order', () => {
    const event = fixture('approved')
    event.signature.properties = ['transaction.status', 'transaction.id', 'transaction.amount_in_cents']
    expect(verifyEventChecksum(event, EVENTS_SECRET).ok).toBe(false)
  })

  it('signs whatever property list the event names', () => {
    const event = fixture('approved')
    event.signature.properties = ['transaction.reference', 'transaction.currency']
    expect(verifyEventChecksum(event, EVENTS_SECRET).ok).toBe(false)
    event.signature.checksum = createHash('sha256')
      .update(`0000001230-1COP1530291411${EVENTS_SECRET}`)
      .digest('hex')
    expect(verifyEventChecksum(event, EVENTS_SECRET)).toEqual({ ok: true })
  })

  it('refuses a missing signed property, a missing checksum and a missing property list', () => {
    const event = fixture('approved')
    delete event.data.transaction.status
    expect(verifyEventChecksum(event, EVENTS_SECRET)).toEqual({
      ok: false,
      reason: 'El evento no trae la propiedad firmada «transaction.status»',
    })
    const noChecksum = fixture('approved')
    delete noChecksum.signature.checksum
    expect(verifyEventChecksum(noChecksum, EVENTS_SECRET).ok).toBe(false)
    expect(verifyEventChecksum(noChecksum, EVENTS_SECRET, fixture('approved').signature.checksum)).toEqual({
      ok: true,
    })
    expect(verifyEventChecksum({ ...fixture('approved'), signature: {} }, EVENTS_SECRET).ok).toBe(false)
  })

  it('fixtures carry an attempt reference built on a valid payment reference', () => {
    expect(fixture('approved').data.transaction.reference).toBe(`${makePaymentReference(123)}-1`)
  })
})
