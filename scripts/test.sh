#!/usr/bin/env bash
# Command 2 of the quick start: installs what the tests need and runs every suite —
# lint, typecheck, schema/migration check, unit + integration tests on SQLite and on
# PostgreSQL, and the Playwright end-to-end tests against the built server.
# Starts its own PostgreSQL on loopback and always stops it. One summary line per suite.
set -uo pipefail
cd "$(dirname "$0")/.."

results=()
failed=0
failed_logs=()
log_dir=tmp/test-logs
mkdir -p "$log_dir"

note() { printf '\n== %s\n' "$*"; }

run_suite() {
  local name=$1; shift
  note "$name"
  local started=$SECONDS
  if "$@" 2>&1 | tee "$log_dir/$name.log"; then
    results+=("$name: passed ($((SECONDS - started))s)")
  else
    results+=("$name: FAILED ($((SECONDS - started))s, log in $log_dir/$name.log)")
    failed=$((failed + 1))
    failed_logs+=("$name")
  fi
}

# A failed suite's own report scrolls far above the summary: its failing tests are repeated just
# before it, so the last lines of a run say what failed, not only which suite.
what_failed() {
  local name
  for name in "${failed_logs[@]}"; do
    printf '\n== what failed in %s (first lines; the whole log is %s)\n' "$name" "$log_dir/$name.log"
    sed 's/\x1b\[[0-9;]*m//g' "$log_dir/$name.log" |
      grep -E '^ *(FAIL|×|✗|✘) |^ +[0-9]+\) \[|AssertionError|Error: |Test timed out|expected .* to | error |error TS|\[warn\]' | head -40
  done
}

# --- system packages (Debian), only when missing ----------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
# clamd for the malware-scanning tests (they start their own, with a test signature only).
[ -x /usr/sbin/clamd ] || need_apt+=(clamav-daemon)
if [ ${#need_apt[@]} -gt 0 ]; then
  note "installing ${need_apt[*]} from Debian"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || { echo "could not install ${need_apt[*]}"; exit 1; }
fi

# --- node packages --------------------------------------------------------------------
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.csf-lock-hash ] || [ "$(cat node_modules/.csf-lock-hash)" != "$lock_hash" ]; then
  note "npm ci"
  npm ci --no-audit --no-fund || { echo "npm ci failed"; exit 1; }
  echo "$lock_hash" > node_modules/.csf-lock-hash
fi
node scripts/prisma.mjs generate >/dev/null || { echo "prisma generate failed"; exit 1; }

# --- a private PostgreSQL on loopback, stopped whatever happens --------------------------
pg_dir=$(mktemp -d /tmp/csf-test-pg.XXXXXX)
pg_port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
cleanup() { bash scripts/postgres.sh stop "$pg_dir"; }
trap cleanup EXIT
note "starting PostgreSQL on 127.0.0.1:$pg_port"
bash scripts/postgres.sh start "$pg_dir" "$pg_port" || { echo "PostgreSQL did not start"; exit 1; }
export PG_ADMIN_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"

# --- suites ---------------------------------------------------------------------------
# The three static checks are single-threaded and independent: they run side by side, and their
# reports are printed one after the other.
run_in_background() {
  local name=$1; shift
  local started=$SECONDS
  "$@" >"$log_dir/$name.log" 2>&1
  local status=$?
  echo "$status $((SECONDS - started))" >"$log_dir/$name.status"
}
static_checks=(lint typecheck schema)
pids=()
run_in_background lint bash -c "npx --no-install eslint . && npx --no-install prettier --check ." & pids+=($!)
run_in_background typecheck npx --no-install tsc --noEmit & pids+=($!)
run_in_background schema node scripts/prisma.mjs check & pids+=($!)
wait "${pids[@]}"
for name in "${static_checks[@]}"; do
  note "$name"
  cat "$log_dir/$name.log"
  read -r status took <"$log_dir/$name.status"
  if [ "$status" -eq 0 ]; then
    results+=("$name: passed (${took}s, alongside the other static checks)")
  else
    results+=("$name: FAILED (${took}s, log in $log_dir/$name.log)")
    failed=$((failed + 1))
    failed_logs+=("$name")
  fi
done
run_suite build npx --no-install remix vite:build
run_suite vitest-sqlite env TEST_DATABASE=sqlite npx --no-install vitest run
run_suite vitest-postgresql env TEST_DATABASE=postgresql npx --no-install vitest run tests/integration
run_suite e2e bash scripts/e2e.sh

what_failed
printf '\n== summary\n'
printf '%s\n' "${results[@]}"
total=${#results[@]}
printf 'suites: %d passed, %d failed\n' "$((total - failed))" "$failed"
[ "$failed" -eq 0 ]
