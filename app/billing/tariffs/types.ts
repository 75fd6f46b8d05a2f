/**
 * The shape of an approved tariff version as the liquidation engine consumes it. The catalogue (db/schema/tariffs.ts,
 * app/billing/tariffs/*) stores and approves versions; the engine (app/billing/liquidation/*) only reads this shape.
 * Amounts are decimal strings in pesos (NUMERIC on the database side); wrap them with `money()` before arithmetic.
 */
export const SERVICES = ['acueducto', 'alcantarillado', 'aseo'] as const
export type Service = (typeof SERVICES)[number]

export const USE_CLASSES = ['residential', 'commercial', 'industrial', 'official', 'special'] as const
export type UseClass = (typeof USE_CLASSES)[number]

export type Estrato = 1 | 2 | 3 | 4 | 5 | 6

/** Residential premises carry an estrato; the others a use class only. */
export type TariffCategory = { useClass: 'residential'; estrato: Estrato } | { useClass: Exclude<UseClass, 'residential'> }

/** Altitude bands of Res. CRA 750/2016 (consumo básico 16 / 13 / 11 m³ per subscriber-month). */
export const ALTITUDE_BANDS = ['below_1000', 'from_1000_to_2000', 'above_2000'] as const
export type AltitudeBand = (typeof ALTITUDE_BANDS)[number]

/** Base cost of one metered service (acueducto or alcantarillado) before subsidy or contribution, per month. */
export type MeteredServiceRate = {
  service: 'acueducto' | 'alcantarillado'
  fixedCharge: string // cargo fijo, pesos per subscriber-month
  basicPrice: string // pesos per m³, consumo básico
  complementaryPrice: string // pesos per m³, above básico up to 2 × básico
  luxuryPrice: string // pesos per m³, above 2 × básico (suntuario)
}

/** Aseo has no meter: a monthly charge per subscriber (fixed part plus the variable part for the category's tonnage). */
export type WasteServiceRate = {
  service: 'aseo'
  fixedCharge: string
  variableCharge: string
}

/**
 * Subsidy (negative) or contribution (positive) as a fraction of the base cost, per category and service, set by
 * the concejo municipal within the legal caps and minimums (Ley 142 art. 99.6; Ley 1450/2011 art. 125).
 * e.g. estrato 1 acueducto `-0.70`, estrato 6 `0.60`, estrato 4 `0`.
 */
export type SolidarityFactor = { category: TariffCategory; service: Service; factor: string }

/** An "otro cobro" (reconexión, reinstalación, visita...) with its approval act. */
export type OtherChargeRate = { code: string; label: string; amount: string; approvalAct: string }

export type TariffSchedule = {
  versionId: string
  serviceAreaId: string
  effectiveFrom: string // IsoDate
  /** Consumo básico in m³ per subscriber-month for the area's altitude band (for bimonthly cycles: × 2). */
  basicConsumptionM3: number
  rates: Array<MeteredServiceRate | WasteServiceRate>
  factors: SolidarityFactor[]
  otherCharges: OtherChargeRate[]
  /**
   * Aseo per category (the tonnage differs by estrato and use). `rates` keeps one aseo entry, the estrato 4
   * reference; when present, the engine should bill the category's entry instead (see `wasteRateFor` in
   * ./schedule-helpers.ts).
   */
  wasteRates?: Array<WasteServiceRate & { category: TariffCategory }>
}
