#!/usr/bin/env bash
# Until the first release, the schema ships as one initial migration regenerated from db/schema plus the
# hand-written SQL in db/custom-sql (triggers, functions: what drizzle-kit cannot express), applied after it in
# file-name order. After the first release this script goes away and migrations are only ever added.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf db/migrations
npx drizzle-kit generate --name init >/dev/null
for f in db/custom-sql/*.sql; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .sql)
  out=$(npx drizzle-kit generate --custom --name "$name" | grep -o 'db/migrations/[^ ]*\.sql' | head -1)
  cp "$f" "$out"
done
ls db/migrations
