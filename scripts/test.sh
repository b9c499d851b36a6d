#!/usr/bin/env bash
# Install everything the tests need (Python packages in .venv, Debian's chromium for browser
# tests), check data/, and run all tests (including a strict build). CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -r requirements-test.txt
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
export NO_MKDOCS_2_WARNING=1
scripts/check.sh --strict  # the data first: a clerk's mistake reads best as the checker's messages
exec .venv/bin/python -m pytest "$@"
