#!/usr/bin/env bash
# The end-to-end suite: Playwright's two projects (JavaScript on, JavaScript off) side by side, each
# against its own server and its own freshly seeded database (scripts/e2e-server.sh), so that the two
# runs share nothing and the suite takes about half the time on two cores.
set -uo pipefail
cd "$(dirname "$0")/.."
log_dir=${E2E_LOG_DIR:-tmp/test-logs}
mkdir -p "$log_dir"

run_project() {
  local project=$1 port=$2
  E2E_PORT=$port E2E_OUTPUT_DIR="tmp/e2e-results/$project" \
    npx --no-install playwright test --project="$project" "${@:3}" >"$log_dir/e2e-$project.log" 2>&1
}

run_project javascript "${E2E_PORT_JS:-3100}" "$@" &
js=$!
run_project no-javascript "${E2E_PORT_NO_JS:-3101}" "$@" &
no_js=$!
wait "$js"; js_status=$?
wait "$no_js"; no_js_status=$?

for project in javascript no-javascript; do
  printf '\n-- %s\n' "$project"
  cat "$log_dir/e2e-$project.log"
done
[ "$js_status" -eq 0 ] && [ "$no_js_status" -eq 0 ]
