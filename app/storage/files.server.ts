/**
 * Stored files in PostgreSQL (stored_files, bytea), so any app instance can serve them. The only module that reads or
 * writes that table: another backend (an object store) can replace this file without touching its callers.
 * Serving is the caller's job and always as a download (`Content-Disposition: attachment`, `nosniff`).
 */
import { createHash } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { storedFiles } from '../../db/schema/storage'
import { attachmentDisposition, detectContentType, safeFileName, type AllowedContentType } from './content-type'

export type PutFileInput = {
  name: string
  data: Uint8Array
  owner: { type: string; id: string }
  uploadedBy?: string | null
  /** In bytes; the caller reads it from its setting. */
  maxBytes: number
  /** Only these detected types are accepted (default: PDF, JPG and PNG). */
  allowed?: readonly AllowedContentType[]
  /** Trusted content the app generated itself (a constancia PDF) may name its type instead of sniffing. */
  trustedType?: AllowedContentType
}

export type StoredFileRef = { id: string; name: string; contentType: string; size: number; sha256: string }

export type StorageErrorCode = 'storage/empty' | 'storage/too_large' | 'storage/type_not_allowed'

export async function putFile(
  tx: DbOrTx,
  input: PutFileInput,
): Promise<Result<StoredFileRef, DomainError<StorageErrorCode>>> {
  const { data } = input
  if (data.length === 0) return fail(new DomainError('storage/empty', `El archivo «${input.name}» está vacío.`))
  if (data.length > input.maxBytes)
    return fail(
      new DomainError(
        'storage/too_large',
        `El archivo «${input.name}» supera el tamaño máximo de ${Math.floor(input.maxBytes / 1024)} KB.`,
      ),
    )
  const detected = detectContentType(data)
  const type = input.trustedType ?? detected
  const allowed = input.allowed ?? ['application/pdf', 'image/jpeg', 'image/png']
  if (!type || !allowed.includes(type))
    return fail(
      new DomainError('storage/type_not_allowed', `El archivo «${input.name}» no es un PDF, JPG o PNG válido.`),
    )
  const name = safeFileName(input.name, type)
  const sha256 = createHash('sha256').update(data).digest('hex')
  const [row] = await tx
    .insert(storedFiles)
    .values({
      name,
      contentType: type,
      size: data.length,
      sha256,
      data,
      ownerType: input.owner.type,
      ownerId: input.owner.id,
      uploadedBy: input.uploadedBy ?? null,
    })
    .returning({ id: storedFiles.id })
  return ok({ id: row!.id, name, contentType: type, size: data.length, sha256 })
}

export type FileWithData = StoredFileRef & { data: Uint8Array; ownerType: string; ownerId: string; createdAt: Date }

/** A file's metadata as StoredFileRef, without the bytes. */
const refColumns = {
  id: storedFiles.id,
  name: storedFiles.name,
  contentType: storedFiles.contentType,
  size: storedFiles.size,
  sha256: storedFiles.sha256,
}

/** The file with its bytes; the caller has checked access through the owner. */
export async function getFile(tx: DbOrTx, id: string): Promise<FileWithData | null> {
  const [row] = await tx
    .select({
      ...refColumns,
      data: storedFiles.data,
      ownerType: storedFiles.ownerType,
      ownerId: storedFiles.ownerId,
      createdAt: storedFiles.createdAt,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, id))
  return row ? { ...row, data: new Uint8Array(row.data) } : null
}

/** Metadata only (no bytes), for listings. */
export async function listFiles(tx: DbOrTx, ids: string[]): Promise<StoredFileRef[]> {
  if (ids.length === 0) return []
  return tx
    .select(refColumns)
    .from(storedFiles)
    .where(inArray(storedFiles.id, ids))
}

/** The owner of a file, to decide access before reading its bytes. */
export async function getFileOwner(tx: DbOrTx, id: string): Promise<{ type: string; id: string } | null> {
  const [row] = await tx
    .select({ type: storedFiles.ownerType, id: storedFiles.ownerId })
    .from(storedFiles)
    .where(eq(storedFiles.id, id))
  return row ?? null
}

/** The response headers every served file carries: a download, never rendered by the browser. */
export function downloadHeaders(file: Pick<StoredFileRef, 'name' | 'contentType' | 'size'>): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    'Content-Disposition': attachmentDisposition(file.name),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  }
}
