import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { requireSubscriber } from '~/auth/guards.server'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { action as linkAction } from '~/routes/mi-cuenta.vincular'
import { action as profileAction } from '~/routes/mi-cuenta.perfil'
import { action as registerAction } from '~/routes/registro'
import { action as verifyAction } from '~/routes/verificar-correo'
import { auditTrail, companyCalendarDays, consents, emailOutbox, invoices, userAccounts, users } from '../../db/schema'
import { insertBillingCycle, insertMeteredAccount, type AccountFixture } from '../../tests/factories/billing-cycle'
import { dataRightsDueOn } from '~/identity/data-rights.server'
import { OWNERSHIP_NOT_PROVEN } from '~/identity/ownership.server'

const ctx = { requestId: 'req-r', ip: '192.0.2.3' }
const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(url, { method: 'POST', body: new URLSearchParams(fields), headers: cookie ? { cookie: cookie.split(';')[0]! } : {} })
type Reply = { data: { result?: { error: Record<string, string[]> }; done?: boolean; error?: string }; init: { status: number } | null }

let first: AccountFixture
let second: AccountFixture
const refs: Record<string, string[]> = {}

beforeAll(async () => {
  const fx = await insertBillingCycle(db, 5)
  first = await insertMeteredAccount(db, fx, { number: '10001' })
  second = await insertMeteredAccount(db, fx, { number: '10002' })
  for (const account of [first, second]) {
    refs[account.number] = []
    for (let i = 0; i < 5; i++) {
      const reference = `7700${account.number}${i}`
      refs[account.number]!.push(reference)
      await db.insert(invoices).values({
        accountId: account.accountId,
        periodId: fx.periodIds[i]!,
        status: 'issued',
        issueOn: `2026-0${i + 2}-05`,
        dueOn: `2026-0${i + 2}-20`,
        suspensionOn: `2026-0${i + 2}-25`,
        previousBalance: '0.00',
        currentCharges: '45000.00',
        totalToPay: '45000.00',
        paymentReference: reference,
      })
    }
  }
})

const registration = (over: Record<string, string> = {}) => ({
  fullName: 'Jorge Gómez',
  email: 'jorge@example.com',
  password: 'mi casa tiene agua limpia',
  accountNumber: '10001',
  documentNumber: '100010001',
  paymentReference: refs['10001']![4]!,
  acceptsDataPolicy: 'on',
  ...over,
})

describe('registration with proof of ownership', () => {
  test('a wrong payment reference (or an old one) is refused without saying which field was wrong', async () => {
    const bads: Record<string, string>[] = [
      { paymentReference: '770099999' },
      { paymentReference: refs['10001']![1]! }, // fourth-last invoice: not one of the last three
      { documentNumber: '999999' },
      { accountNumber: '10009' },
      { paymentReference: refs['10002']![4]! }, // another account's reference
    ]
    for (const bad of bads) {
      const reply = (await registerAction({ request: post('http://localhost/registro', registration(bad)), params: {}, context: ctx })) as unknown as Reply
      expect(reply.init?.status).toBe(400)
      expect(reply.data.result!.error).toEqual({ '': [OWNERSHIP_NOT_PROVEN] })
    }
    expect(await db.select().from(users).where(eq(users.email, 'jorge@example.com'))).toEqual([])
  })

  test('the data-processing consent is required', async () => {
    const reply = (await registerAction({ request: post('http://localhost/registro', registration({ acceptsDataPolicy: '' })), params: {}, context: ctx })) as unknown as Reply
    expect(reply.data.result!.error.acceptsDataPolicy).toEqual(['Para registrarse debe autorizar el tratamiento de sus datos personales.'])
  })

  test('register → no account data until the email is verified → verify → linked; link a second account; all audited', async () => {
    const reply = (await registerAction({
      request: post('http://localhost/registro', registration({ paymentReference: refs['10001']![2]!, acceptsElectronicNotification: 'on' })),
      params: {},
      context: ctx,
    })) as unknown as Reply
    expect(reply.data.done).toBe(true)
    const [user] = await db.select().from(users).where(eq(users.email, 'jorge@example.com'))
    expect(user).toMatchObject({ role: 'subscriber', emailVerifiedAt: null })
    const cookie = await createSession(user!.id)
    // A new Request each time, as in the app (the guards remember their answer per request).
    const asUser = () => new Request('http://localhost/mi-cuenta', { headers: { cookie: cookie.split(';')[0]! } })
    expect((await requireSubscriber(asUser())).accountIds).toEqual([])

    const granted = await db.select().from(consents).where(eq(consents.userId, user!.id))
    expect(granted.map((c) => [c.kind, c.policyVersion]).sort()).toEqual([
      ['data_processing', '2026-01'],
      ['electronic_notification', '2026-01'],
    ])

    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, 'jorge@example.com'), eq(emailOutbox.template, 'verify-email')))
    const token = decodeURIComponent(mail!.text.match(/token=([A-Za-z0-9_%-]+)/)![1]!)
    const verified = (await verifyAction({ request: post('http://localhost/verificar-correo', { token }), params: {}, context: ctx })) as Response
    expect(verified.headers.get('location')).toBe('/ingresar?correo=confirmado')
    expect((await requireSubscriber(asUser())).accountIds).toEqual([first.accountId])
    const reused = (await verifyAction({ request: post('http://localhost/verificar-correo', { token }), params: {}, context: ctx })) as unknown as Reply
    expect(reused.init?.status).toBe(400)

    const wrong = (await linkAction({
      request: post('http://localhost/mi-cuenta/vincular', { accountNumber: '10002', documentNumber: '100010002', paymentReference: '1234567' }, cookie),
      params: {},
      context: ctx,
    })) as unknown as Reply
    expect(wrong.data.result!.error['']).toEqual([OWNERSHIP_NOT_PROVEN])
    const linked = (await linkAction({
      request: post('http://localhost/mi-cuenta/vincular', { accountNumber: '10002', documentNumber: '100010002', paymentReference: refs['10002']![3]! }, cookie),
      params: {},
      context: ctx,
    })) as Response
    expect(linked.status).toBe(302)
    const links = await db.select().from(userAccounts).where(eq(userAccounts.userId, user!.id))
    expect(links.map((l) => l.accountId).sort()).toEqual([first.accountId, second.accountId].sort())

    const withdrawn = (await profileAction({
      request: post('http://localhost/mi-cuenta/perfil', { intent: 'withdraw', kind: 'electronic_notification' }, cookie),
      params: {},
      context: ctx,
    })) as Response
    expect(withdrawn.status).toBe(302)
    const notice = await db.select().from(consents).where(and(eq(consents.userId, user!.id), eq(consents.kind, 'electronic_notification')))
    expect(notice[0]!.withdrawnAt).not.toBeNull()

    const userTrail = await db.select().from(auditTrail).where(eq(auditTrail.entityId, user!.id))
    expect(userTrail.map((t) => t.action)).toEqual(['registration', 'consent.granted', 'consent.granted', 'email.verified', 'consent.withdrawn'])
    const accountTrail = await db.select().from(auditTrail).where(eq(auditTrail.action, 'account.linked'))
    expect(accountTrail.map((t) => t.entityId).sort()).toEqual([first.accountId, second.accountId].sort())
  })

  test('registering an email that already exists answers the same and warns its owner', async () => {
    const reply = (await registerAction({ request: post('http://localhost/registro', registration({ fullName: 'Otro' })), params: {}, context: ctx })) as unknown as Reply
    expect(reply.data.done).toBe(true)
    const notices = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, 'jorge@example.com'), eq(emailOutbox.template, 'generic-notice')))
    expect(notices).toHaveLength(1)
  })

  test('a data-rights request gets a due date from the settings and is audited', async () => {
    const [user] = await db.select().from(users).where(eq(users.email, 'jorge@example.com'))
    const cookie = await createSession(user!.id)
    const res = (await profileAction({
      request: post('http://localhost/mi-cuenta/perfil', { intent: 'data-request', kind: 'correction', description: 'Mi teléfono cambió al 3001234567.' }, cookie),
      params: {},
      context: ctx,
    })) as Response
    expect(res.status).toBe(302)
    const trail = await db.select().from(auditTrail).where(eq(auditTrail.action, 'data_rights.filed'))
    expect(trail).toHaveLength(1)
    // Filed Friday 2026-03-20; Monday 23 is a festivo (San José moved): 15 business days → Wednesday 2026-04-15
    // (Holy Thursday and Good Friday, 2 and 3 April, are holidays too).
    expect(await dataRightsDueOn(db, '2026-03-20', 15)).toBe('2026-04-15')
  })

  test('data-rights due dates skip the company non-working days too', async () => {
    // 2026-04-10 (Friday) declared a company non-working day: the 15th business day moves from 15 to 16 April.
    await db.insert(companyCalendarDays).values({ day: '2026-04-10', kind: 'non_working', reason: 'Día de la empresa' })
    expect(await dataRightsDueOn(db, '2026-03-20', 15)).toBe('2026-04-16')
  })
})
