/** Suscriptores: Colombian names, document numbers unique per index, NIT with a valid DV. */
import { nitCheckDigit } from '../../../app/utils/documents'
import type { NewSubscriber } from '../../schema/premises'
import { COMMERCE_KINDS, INDUSTRY_KINDS, OFFICIAL_NAMES } from '../catalog'
import type { Rng } from '../random'

export type SubscriberRow = NewSubscriber & { id: string }
export type SubscriberBuild = { index?: number; asCompany?: 'commercial' | 'industrial' | 'official' | 'special' }

/** Two surnames, Colombian style. */
export function buildPersonName(rng: Rng): string {
  const first = rng.firstName(rng.bool(0.5) ? 'female' : 'male')
  return `${first} ${rng.lastName()} ${rng.lastName()}`
}

/**
 * Document numbers are unique per index (ranges never overlap), so a bulk load never collides:
 * CC of 8 digits (older cédulas), CC of 10 digits (since 2003), NIT 8xx/9xx million.
 */
function documentFor(rng: Rng, index: number, company: boolean): Pick<SubscriberRow, 'documentType' | 'documentNumber' | 'checkDigit'> {
  if (company) {
    const nit = String(800_000_000 + index * 97 + rng.int(0, 96))
    return { documentType: 'NIT', documentNumber: nit, checkDigit: nitCheckDigit(nit) }
  }
  const type = rng.weighted([['CC', 94], ['CE', 3], ['PPT', 2], ['PA', 1]] as const)
  if (type === 'CC') {
    const number = rng.bool(0.6) ? 10_000_000 + index * 800 + rng.int(0, 799) : 1_000_000_000 + index * 800 + rng.int(0, 799)
    return { documentType: 'CC', documentNumber: String(number), checkDigit: null }
  }
  return { documentType: type, documentNumber: String(100_000 + index * 50 + rng.int(0, 49)), checkDigit: null }
}

function companyName(rng: Rng, use: NonNullable<SubscriberBuild['asCompany']>): string {
  const surname = rng.lastName()
  if (use === 'commercial') return `${rng.pick(COMMERCE_KINDS)} ${surname} S.A.S.`
  if (use === 'industrial') return `${rng.pick(INDUSTRY_KINDS)} ${surname} S.A.S.`
  if (use === 'official') return `${rng.pick(OFFICIAL_NAMES)} ${surname}`
  return `Fundación ${surname}`
}

function emailFor(rng: Rng, name: string, index: number): string | null {
  if (rng.bool(0.25)) return null
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 2)
    .join('.')
  return `${slug}${index}@${rng.pick(['correo.test', 'ejemplo.test', 'demo.test'])}`
}

export function buildSubscriber(rng: Rng, build: SubscriberBuild = {}, overrides: Partial<SubscriberRow> = {}): SubscriberRow {
  const index = build.index ?? rng.int(0, 9_000_000)
  const company = Boolean(build.asCompany) && (build.asCompany !== 'commercial' || rng.bool(0.6))
  const fullName = company ? companyName(rng, build.asCompany ?? 'commercial') : buildPersonName(rng)
  return {
    id: rng.uuid(),
    ...documentFor(rng, index, company),
    kind: company ? 'company' : 'person',
    fullName,
    email: emailFor(rng, fullName, index),
    phone: rng.bool(0.9) ? `3${rng.pick(['00', '01', '10', '11', '12', '13', '14', '15', '20', '21', '50'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
    correspondenceAddress: null,
    ...overrides,
  }
}
