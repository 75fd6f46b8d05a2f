import { randomBytes } from 'node:crypto'

/** A fresh CSP nonce per document request (128 random bits). */
export function createNonce(): string {
  return randomBytes(16).toString('base64')
}
