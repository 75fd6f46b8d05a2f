/**
 * Which client address to believe. Behind a reverse proxy the socket address is the proxy's, so the deployment names
 * the one header its proxy sets (TRUSTED_PROXY_HEADER, e.g. `x-forwarded-for`, `x-real-ip`, `cf-connecting-ip`).
 * Without it the socket address is used and forwarded headers are ignored: a client can write any header it likes.
 */
export type TrustedProxyHeader = string | null

export function trustedProxyHeaderFromEnv(env: NodeJS.ProcessEnv = process.env): TrustedProxyHeader {
  const value = env.TRUSTED_PROXY_HEADER?.trim().toLowerCase()
  return value ? value : null
}

/**
 * For X-Forwarded-For the right-most entry is the one our proxy appended; entries to its left come from the client
 * and can be forged.
 */
export function clientIpFrom(
  input: { headers: Record<string, string | string[] | undefined>; socketAddress: string | undefined },
  trustedHeader: TrustedProxyHeader,
): string {
  const socket = input.socketAddress ?? ''
  if (!trustedHeader) return socket
  const raw = input.headers[trustedHeader]
  const value = Array.isArray(raw) ? raw.join(',') : raw
  if (!value) return socket
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean)
  return parts.at(-1) ?? socket
}
