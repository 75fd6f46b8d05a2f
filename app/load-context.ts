/** What server.ts hands every loader and action (request id and client IP for the audit trail). */
declare module '@remix-run/node' {
  interface AppLoadContext {
    requestId: string
    ip: string
  }
}

export {}
