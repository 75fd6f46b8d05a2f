/**
 * The type of an uploaded file, read from its first bytes (magic numbers), never from its name or the browser's
 * claim: a file named `factura.pdf` that holds HTML is refused. Pure and client-safe.
 */
export const ALLOWED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number]

const SIGNATURES: Array<{ type: AllowedContentType; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
]

export function detectContentType(data: Uint8Array): AllowedContentType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (data.length >= bytes.length && bytes.every((b, i) => data[i] === b)) return type
  }
  return null
}

export const EXTENSION_OF: Record<AllowedContentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
}

/** A name safe to put in Content-Disposition and on disk: no path, no control characters, the right extension. */
export function safeFileName(name: string, type: AllowedContentType | string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // Control characters (code points below 32 and DEL) and characters Windows forbids in names.
    .replace(/["<>|:*?]/g, '')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 120)
  const ext = EXTENSION_OF[type as AllowedContentType]
  const stem = (base.replace(/\.[^.]*$/, '') || 'archivo').slice(0, 100)
  return ext ? `${stem}.${ext}` : base || 'archivo'
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'archivo'
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
