#!/usr/bin/env bash
# Install everything the tests need (Python packages in .venv, Debian's chromium for browser
# tests), check data/, and run all tests (including a strict build). CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -r requirements-test.txt
# ProperDocs (MkDocs 1.6 fork) in its own venv: tests/test_properdocs.py builds the site with it too
[ -x .venv-properdocs/bin/properdocs ] || python3 -m venv .venv-properdocs
.venv-properdocs/bin/pip install -q properdocs==1.6.7 -r requirements.txt
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
export NO_MKDOCS_2_WARNING=1
scripts/check.sh --strict  # the data first: a clerk's mistake reads best as the checker's messages
exec .venv/bin/python -m pytest "$@"
