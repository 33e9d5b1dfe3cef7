#!/usr/bin/env bash
# Command 1 of the quick start: install, prepare the SQLite database with demo data, build
# and serve the portal on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.csf-lock-hash ] || [ "$(cat node_modules/.csf-lock-hash)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.csf-lock-hash
fi
node scripts/prisma.mjs generate >/dev/null

export DATABASE_URL=${DATABASE_URL:-file:./data/demo.db}
export PORT=${PORT:-3000}
export APP_URL=${APP_URL:-http://localhost:$PORT}
export NODE_ENV=production
# The demo has no mail server: every email goes to the admins' demo mailbox; and its data is
# the published demo accounts. Both must be asked for in production (ADR 0015).
export DEMO_MAILBOX=${DEMO_MAILBOX:-yes}
export DEMO_DATA=yes
# A demo secret kept beside the database, made once; a real deployment sets its own.
mkdir -p data
[ -f data/.session-secret ] || node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))' > data/.session-secret
export SESSION_SECRET=${SESSION_SECRET:-$(cat data/.session-secret)}

echo "Building the portal…"
npx --no-install remix vite:build >data/build.log 2>&1 || { cat data/build.log; exit 1; }
node scripts/prisma.mjs migrate-deploy >data/migrate.log 2>&1 || { cat data/migrate.log; exit 1; }
npx --no-install tsx prisma/seed.ts

echo
echo "Community Safety Fund portal: $APP_URL"
echo "(stop it with Ctrl+C)"
exec node server.mjs
