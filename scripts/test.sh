#!/usr/bin/env bash
# Everything that can run without an Electron binary: typecheck, lint + layering, unit and
# component tests, the browser-bridge end-to-end specs and the packaging checks, inside a
# throw-away keychain session. Prints "N passed, N failed, N skipped" summed over every runner.
set -u
cd "$(dirname "$0")/.."
[ -n "${RC_KEYCHAIN_SESSION:-}" ] || exec bash scripts/with-keychain.sh bash "$0" "$@"

mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json test-results/checks.json test-results/summary.txt
checks=()
record() { checks+=("{\"name\":\"$1\",\"ok\":$2}"); }
step() {
  local name=$1
  shift
  echo
  echo "== $name"
  if "$@"; then record "$name" true; else record "$name" false; fi
}

step typecheck npm run --silent typecheck
step lint npm run --silent lint
step build node scripts/build.mjs
echo
echo "== unit and component tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
echo
echo "== browser-bridge end-to-end (Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium})"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)."
  record chromium-present false
fi
npx playwright test -c e2e/playwright.config.ts

printf '[%s]\n' "$(IFS=,; echo "${checks[*]}")" >test-results/checks.json
node scripts/summarize-tests.mjs
