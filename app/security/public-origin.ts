/**
 * The origin printed in emailed links. APP_ORIGIN in production: building links from the request's Host header would
 * let anyone who can send a forged Host make us email a reset link pointing at their own site.
 */
export function publicOrigin(request: Request, env: NodeJS.ProcessEnv = process.env): string {
  return env.APP_ORIGIN?.replace(/\/+$/, '') || new URL(request.url).origin
}
