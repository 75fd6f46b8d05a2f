/** Connection-string helpers for test databases on the PostgreSQL server. */
export function adminUrl(serverUrl: string): string {
  return databaseUrlFor(serverUrl, 'postgres')
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}
