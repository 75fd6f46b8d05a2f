import { expect, test } from 'vitest'
import { ALTITUDE_BANDS as TARIFF_BANDS, SERVICES as TARIFF_SERVICES, USE_CLASSES as TARIFF_USES } from '~/billing/tariffs/types'
import { ALTITUDE_BANDS } from './areas'
import { SERVICES, USE_CLASSES } from './premises'

test('the schema enums repeat the tariff contract lists exactly (schema files cannot import app/)', () => {
  expect([...ALTITUDE_BANDS]).toEqual([...TARIFF_BANDS])
  expect([...USE_CLASSES]).toEqual([...TARIFF_USES])
  expect([...SERVICES]).toEqual([...TARIFF_SERVICES])
})
