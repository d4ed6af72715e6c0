#!/usr/bin/env bash
# The browser tests run in Debian's Chromium (`npx playwright install` cannot download browsers
# on our machines). Installs it with apt when it is missing and we may; otherwise says how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo -n"
if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  [ -x "$chromium" ] && exit 0
fi
echo "Chromium not found at $chromium. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
