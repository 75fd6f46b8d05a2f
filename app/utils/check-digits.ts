/** Check digits shared by billing (the biller's GLN in the demo data) and documents (the invoice barcode). */

/** GS1 mod-10 check digit: weights 3,1,3,1… from the rightmost body digit; cd = (10 − sum mod 10) mod 10
 * (../shared/domain/formats.md §2.1). Used for the biller's GLN, GS1-128 AI (415). */
export function gs1CheckDigit(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1)
  return String((10 - (sum % 10)) % 10)
}
