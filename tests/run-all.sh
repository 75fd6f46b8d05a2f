#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, build, integration tests (vitest `db` project, including server.ts run as
# a process), then browser tests (Playwright on the build). Works with DATABASE_URL (the PostgreSQL server) or
# without it (embedded PGlite). Stops at the first failing step and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }
trap 'code=$?; if [ $code -ne 0 ]; then printf "\n\033[31mnpm test falló (código %s)\033[0m\n" "$code"; fi' EXIT

if [ -n "${DATABASE_URL:-}" ]; then
  db_target="PostgreSQL server ($(node -e 'const u=new URL(process.argv[1]);console.log(u.host)' "$DATABASE_URL"))"
else
  db_target="PGlite (embedded)"
fi
echo "Motor de base de datos para las pruebas de integración y de navegador: $db_target"

step "1/6 typecheck (tsc --noEmit)"
npx tsc --noEmit

step "2/6 lint (eslint)"
npx eslint --max-warnings=0 .

step "3/6 unit tests (vitest --project unit)"
npx vitest run --project unit --passWithNoTests

step "4/6 build (remix vite:build)"
npx remix vite:build

step "5/6 integration tests on $db_target (vitest --project db)"
npx vitest run --project db

step "6/6 browser tests (playwright, Chromium ${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium})"
E2E_SKIP_BUILD=1 npx playwright test

printf '\n\033[32mnpm test: todo pasó en %s s (integración y navegador en %s)\033[0m\n' "$(( $(date +%s) - started ))" "$db_target"
