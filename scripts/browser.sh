#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it through
# executable_path; Playwright's own browser download is never used).
set -euo pipefail
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt-get update -qq
  # fonts-noto-color-emoji: the reaction bar's emoji render as emoji, not boxes.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi
echo "browser ready: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null)"
