#!/usr/bin/env bash
# Runs a command inside a throw-away keychain: a private D-Bus session with an unlocked
# gnome-keyring, so tests never touch the developer's own keychain. Without gnome-keyring the
# command runs as is, and the real-keychain tests say they were skipped.
set -u
if [ -n "${RC_KEYCHAIN_SESSION:-}" ]; then
  # Inside the private session: unlock (the password must be a line on stdin, or no login
  # collection is created), then run the command.
  if printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    export RC_TEST_KEYCHAIN=1
    echo "keychain: throw-away gnome-keyring on a private D-Bus session"
  fi
  # Chromium would otherwise start the accessibility bus on our private session bus.
  export NO_AT_BRIDGE=1
  exec "$@"
fi

if command -v gnome-keyring-daemon >/dev/null && command -v dbus-run-session >/dev/null; then
  XDG_DATA_HOME=$(mktemp -d)
  export XDG_DATA_HOME RC_KEYCHAIN_SESSION=1
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
  # The bus daemon chats on stderr (fd limits, service activation): keep it out of the output.
  dbus-run-session -- bash "$0" "$@" 2>&1 | grep --line-buffered -v '^dbus-daemon\['
  exit "${PIPESTATUS[0]}"
fi
echo "NOTE: gnome-keyring or dbus-run-session is not installed: the real-keychain tests are skipped"
echo "      (Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-1-0)."
exec "$@"
