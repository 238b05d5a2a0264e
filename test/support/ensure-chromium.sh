#!/usr/bin/env bash
# The admin console's browser tests drive Debian's chromium; install it when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "The browser tests need /usr/bin/chromium: install Debian's chromium package (apt-get install chromium)." >&2
  exit 1
fi
echo "Installing chromium for the browser tests (apt-get)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
