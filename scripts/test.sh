#!/usr/bin/env bash
# Everything that can run without an Electron binary: typecheck, lint + layering, unit and
# component tests, the browser-bridge end-to-end specs, and the packaging checks. Starts its own
# throw-away keychain (gnome-keyring on a private D-Bus session) when gnome-keyring is installed.
set -u
cd "$(dirname "$0")/.."

if [ -z "${RC_TEST_INNER:-}" ]; then
  export RC_TEST_INNER=1
  if command -v gnome-keyring-daemon >/dev/null && command -v dbus-run-session >/dev/null; then
    XDG_DATA_HOME=$(mktemp -d)
    export XDG_DATA_HOME
    trap 'rm -rf "$XDG_DATA_HOME"' EXIT
    # A private session bus: the developer's own keychain is never touched.
    # The bus daemon chats on stderr (fd limits, service activation): keep it out of the report,
    # so the summary stays the last line.
    dbus-run-session -- bash "$0" "$@" 2>&1 | grep --line-buffered -v '^dbus-daemon\['
    exit "${PIPESTATUS[0]}"

  fi
  echo "NOTE: gnome-keyring or dbus-run-session is not installed: the real-keychain tests are skipped"
  echo "      (Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-1-0)."
  exec bash "$0" "$@"
fi

if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v gnome-keyring-daemon >/dev/null; then
  # The unlock password must be a line on stdin, or no login collection is created.
  if printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    export RC_TEST_KEYCHAIN=1
    echo "keychain: throw-away gnome-keyring on a private D-Bus session"
  fi
fi

# Chromium would otherwise start the accessibility bus on our private session bus.
export NO_AT_BRIDGE=1

mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json test-results/checks.json
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
echo
echo "== build"
if ! node scripts/build.mjs; then record build false; fi
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
