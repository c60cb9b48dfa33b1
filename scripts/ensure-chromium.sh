#!/usr/bin/env bash
# The browser tests drive Debian's chromium (playwright cannot download browsers on these machines).
# On a fresh machine, install it when we may; otherwise say what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium missing: installing Debian's chromium for the browser tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need chromium at $CHROMIUM: run 'sudo apt-get install -y chromium' (or set CHROMIUM=/path)." >&2
exit 1
