#!/usr/bin/env bash
# The server the end-to-end tests drive: the production build on a fresh, seeded SQLite file.
set -euo pipefail
port=${1:-3100}
dir=tmp/e2e-$port
rm -rf "$dir" && mkdir -p "$dir"
export NODE_ENV=production
# The demo delivers to the built-in mailbox (ADR 0018) and seeds the demo accounts.
export DEMO_MAILBOX=yes DEMO_DATA=yes
export DATABASE_URL="file:./$dir/e2e.db"
export SESSION_SECRET=e2e-session-secret-0123456789abcdef
export APP_URL="http://localhost:$port"
export PORT="$port"
export DOCUMENT_STORAGE_DIR="$dir/documents"
# Request logs would drown the test report; warnings and errors still show.
export LOG_LEVEL=${LOG_LEVEL:-warn}
# Every browser test comes from 127.0.0.1: per-address throttling limits are raised (per-account ones stay, ADR 0016).
export THROTTLE_ADDRESS_FACTOR=${THROTTLE_ADDRESS_FACTOR:-1000}
node scripts/prisma.mjs migrate-deploy >/dev/null
npx --no-install tsx prisma/seed.ts >/dev/null
exec node server.mjs
