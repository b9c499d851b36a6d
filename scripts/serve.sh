#!/usr/bin/env bash
# Install the site's tools into .venv and serve the site at http://127.0.0.1:8000
# (pass "build" to write the static site into site/ instead).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -r requirements.txt
export NO_MKDOCS_2_WARNING=1
if [ "${1:-serve}" = "build" ]; then
  exec .venv/bin/mkdocs build --strict
else
  exec .venv/bin/mkdocs serve
fi
