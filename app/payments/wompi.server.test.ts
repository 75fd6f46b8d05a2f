import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startWompiFake, wompiFixture, type WompiFake } from '../../tests/fakes/wompi-fake'
import { parseAttemptReference, type AttemptReference, type CreateCheckoutInput } from './gateway'
import { signTransactionEvent } from './wompi-event'
import { integritySignature } from './wompi-signature'
import { createWompiGateway, wompiConfigFromEnv, type WompiConfig } from './wompi.server'

let fake: WompiFake
let config: WompiConfig

beforeAll(async () => {
  fake = await startWompiFake()
  config = wompiConfigFromEnv({
    WOMPI_PUBLIC_KEY: 'pub_test_abc',
    WOMPI_PRIVATE_KEY: fake.privateKey,
    WOMPI_EVENTS_SECRET: 'test_events_XYZ',
    WOMPI_INTEGRITY_SECRET: 'test_integrity_ABC123',
    WOMPI_API_URL: fake.apiUrl,
  })!
})
afterAll(() => fake.close())

const checkoutInput: CreateCheckoutInput = {
  invoiceId: 'f3c1',
  reference: 'FAC-2025-000123-1' as AttemptReference,
  amount: '85400.00',
  currency: 'COP',
  redirectUrl: 'https://ventanilla.example/mi-cuenta/pagar/f3c1/estado',
  customer: { email: 'suscriptor@example.com', fullName: 'Jorge Gómez' },
}

describe('Wompi configuration', () => {
  test('needs all four keys; test keys talk to the sandbox API, production keys to production', () => {
    expect(wompiConfigFromEnv({ WOMPI_PUBLIC_KEY: 'pub_test_x' })).toBeNull()
    const keys = { WOMPI_PRIVATE_KEY: 'prv', WOMPI_EVENTS_SECRET: 'e', WOMPI_INTEGRITY_SECRET: 'i' }
    expect(wompiConfigFromEnv({ ...keys, WOMPI_PUBLIC_KEY: 'pub_test_x' })!.apiUrl).toBe('https://sandbox.wompi.co/v1')
    expect(wompiConfigFromEnv({ ...keys, WOMPI_PUBLIC_KEY: 'pub_prod_x' })!.apiUrl).toBe('https://production.wompi.co/v1')
  })
})

describe('Web Checkout redirect', () => {
  test('carries the documented parameters and a server-side integrity signature, never the secret', async () => {
    const checkout = await createWompiGateway(config).createCheckout(checkoutInput)
    expect(checkout.kind).toBe('redirect')
    const url = new URL(checkout.kind === 'redirect' ? checkout.redirectUrl : '')
    expect(`${url.origin}${url.pathname}`).toBe('https://checkout.wompi.co/p/')
    const q = url.searchParams
    expect(q.get('public-key')).toBe('pub_test_abc')
    expect(q.get('currency')).toBe('COP')
    expect(q.get('amount-in-cents')).toBe('8540000')
    expect(q.get('reference')).toBe('FAC-2025-000123-1')
    expect(q.get('redirect-url')).toBe(checkoutInput.redirectUrl)
    expect(q.get('customer-data:email')).toBe('suscriptor@example.com')
    expect(q.get('signature:integrity')).toBe(
      integritySignature({ reference: 'FAC-2025-000123-1', amountInCents: '8540000', currency: 'COP', secret: 'test_integrity_ABC123' }),
    )
    expect(url.toString()).not.toContain('test_integrity_ABC123')
  })

  test('an expiration time is sent and signed together (formats.md §3.3 vector)', async () => {
    const checkout = await createWompiGateway(config).createCheckout({
      ...checkoutInput,
      reference: 'FAC-2025-000123' as never,
      expiresAt: new Date('2025-03-15T23:59:59.000Z'),
    })
    const q = new URL(checkout.kind === 'redirect' ? checkout.redirectUrl : '').searchParams
    expect(q.get('expiration-time')).toBe('2025-03-15T23:59:59.000Z')
    expect(q.get('signature:integrity')).toBe('b8cf68bfc61c3bde41c0da18b7c30eed3387275399d76adac2b01cbfae4945e9')
  })
})

describe('events', () => {
  const headers = new Headers()
  test('the recorded approved event verifies and maps to the port', async () => {
    const parsed = await createWompiGateway(config).parseEvent(JSON.stringify(wompiFixture('approved')), headers)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.event.transaction).toMatchObject({
      gateway: 'wompi',
      id: '1234-1610641025-49201',
      status: 'APPROVED',
      amountInCents: '8540000',
      currency: 'COP',
      paymentMethodType: 'PSE',
    })
    expect(parsed.event.dedupeKey).toBe('1234-1610641025-49201:APPROVED')
    expect(parseAttemptReference(parsed.event.transaction!.reference)).toEqual({ paymentReference: '0000001230', attempt: 1 })
  })

  test('a tampered amount is refused as a bad checksum; a body that is not JSON as malformed', async () => {
    const tampered = wompiFixture('approved')
    tampered.data.transaction.amount_in_cents = 1000
    const parsed = await createWompiGateway(config).parseEvent(JSON.stringify(tampered), headers)
    expect(parsed).toMatchObject({ ok: false, error: { code: 'payments/bad_checksum' } })
    expect(await createWompiGateway(config).parseEvent('<xml/>', headers)).toMatchObject({ ok: false, error: { code: 'payments/malformed_event' } })
  })

  test('the checksum may come in the X-Event-Checksum header instead of the body', async () => {
    const event = wompiFixture('declined')
    const checksum = event.signature.checksum
    const withoutBodyChecksum = { ...event, signature: { properties: event.signature.properties } }
    const parsed = await createWompiGateway(config).parseEvent(JSON.stringify(withoutBodyChecksum), new Headers({ 'X-Event-Checksum': checksum.toUpperCase() }))
    expect(parsed.ok).toBe(true)
  })

  test('signTransactionEvent reproduces the documented checksum of the approved fixture', () => {
    const fixture = wompiFixture('approved')
    const signed = signTransactionEvent(fixture.data.transaction, { secret: 'test_events_XYZ', timestamp: fixture.timestamp }) as { signature: { checksum: string } }
    expect(signed.signature.checksum).toBe('9e438f4bb43967ceea51fc59e24fe7ec1e20c232cdf5717f9d497c810042d338')
  })
})

describe('status polling against the local fake API', () => {
  test('GET /v1/transactions/{id} with the private key returns the transaction', async () => {
    const result = await createWompiGateway(config).fetchTransaction('1234-1610641025-49203')
    expect(result).toMatchObject({ ok: true, transaction: { status: 'VOIDED', paymentMethodType: 'CARD', amountInCents: '8540000' } })
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/transactions/1234-1610641025-49203', status: 200, authorization: `Bearer ${fake.privateKey}` })
  })

  test('an unknown id is not_found; a wrong key or an outage is gateway_unavailable', async () => {
    expect(await createWompiGateway(config).fetchTransaction('no-existe')).toMatchObject({ ok: false, error: { code: 'payments/not_found' } })
    expect(await createWompiGateway({ ...config, privateKey: 'prv_test_otra' }).fetchTransaction('1234-1610641025-49201')).toMatchObject({
      ok: false,
      error: { code: 'payments/gateway_unavailable' },
    })
    fake.fail(1)
    expect(await createWompiGateway(config).fetchTransaction('1234-1610641025-49201')).toMatchObject({ ok: false, error: { code: 'payments/gateway_unavailable' } })
    expect(await createWompiGateway(config).fetchTransaction('1234-1610641025-49201')).toMatchObject({ ok: true })
  })

  test('an unreachable API is reported, not thrown', async () => {
    const down = createWompiGateway({ ...config, apiUrl: 'http://127.0.0.1:9/v1' }, { timeoutMs: 2000 })
    expect(await down.fetchTransaction('x')).toMatchObject({ ok: false, error: { code: 'payments/gateway_unavailable' } })
  })
})
