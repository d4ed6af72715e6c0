#!/usr/bin/env bash
# The fleet tests start real redis-server processes on 127.0.0.1 (no Docker, no mock). Installs
# Debian's redis-server with apt when it is missing and we may; otherwise says how.
# REDIS_SERVER_PATH points elsewhere. Only the binary is used: no service is enabled or started.
set -euo pipefail
server="${REDIS_SERVER_PATH:-redis-server}"
command -v "$server" >/dev/null && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo -n"
if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  echo "Installing Debian's redis-server for the fleet tests..." >&2
  $sudo apt-get update -qq
  # policy-rc.d 101: install the package without starting its service (the tests start their own).
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy"
    trap '$sudo rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  command -v "$server" >/dev/null && exit 0
fi
echo "redis-server not found. Install it (Debian: apt-get install redis-server) or set REDIS_SERVER_PATH." >&2
exit 1
