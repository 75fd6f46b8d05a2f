/** The per-request CSP nonce, set by entry.server.tsx and read by root.tsx for Remix's inline scripts. Client-safe. */
import { createContext, useContext } from 'react'

const NonceContext = createContext<string | undefined>(undefined)
export const NonceProvider = NonceContext.Provider

/** Undefined on the client: browsers hide nonce attributes from the DOM once the page is parsed. */
export function useNonce(): string | undefined {
  return useContext(NonceContext)
}
