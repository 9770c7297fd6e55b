#!/usr/bin/env bash
# Debian's Chromium for the browser tests (pytest -m browser): the map page driven
# headless by Playwright. Idempotent: returns at once when Chromium is installed.
# Never `playwright install`: it downloads browser builds, which CI cannot reach.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium.sh: not root; install Debian's chromium package to run the browser tests" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
