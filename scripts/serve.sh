#!/usr/bin/env bash
# Install the site's tools into .venv and serve the site at http://127.0.0.1:8000
# (pass "build" to write the static site into site/ instead: built aside and swapped in only when
# the strict build succeeds, so a failed build leaves the last good site; "fast" re-renders only
# the pages an edit changed: much quicker on a large collection, see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -r requirements.txt
export NO_MKDOCS_2_WARNING=1
if [ "${1:-serve}" = "build" ]; then
  exec .venv/bin/python scripts/safe_build.py site
elif [ "${1:-serve}" = "fast" ]; then
  # --dirty prints a warning on every build; --no-strict keeps the preview running (a real build stays strict)
  exec .venv/bin/mkdocs serve --dirty --no-strict
else
  exec .venv/bin/mkdocs serve
fi
