/**
 * Proof that a person holds an account: the account number, the holder's document number and the payment reference
 * printed on one of the account's last three issued invoices. One query, all three conditions in the WHERE clause,
 * so a refusal never says which of them failed.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'

export type OwnershipProof = { accountNumber: string; documentNumber: string; paymentReference: string }

export const OWNERSHIP_NOT_PROVEN =
  'Los datos no coinciden con nuestros registros. Revise el número de cuenta, el documento del titular y la referencia de pago de una de sus tres últimas facturas.'

const normalise = (v: string) => v.replace(/[\s.-]/g, '').toUpperCase()

/** The account id when the three data match, else null. */
export async function findProvenAccount(tx: DbOrTx, proof: OwnershipProof): Promise<string | null> {
  const found = await rows<{ id: string }>(
    tx,
    sql`select a.id
          from accounts a
          join subscribers s on s.id = a.subscriber_id
         where a.number = ${proof.accountNumber.trim()}
           and upper(s.document_number) = ${normalise(proof.documentNumber)}
           and ${normalise(proof.paymentReference)} in (
                 select i.payment_reference from invoices i
                  where i.account_id = a.id and i.status = 'issued'
                  order by i.issue_on desc
                  limit 3)`,
  )
  return found[0]?.id ?? null
}
