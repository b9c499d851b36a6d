#!/usr/bin/env bash
# Validate data/ without building the site; prints every problem as "tệp:dòng: lỗi: …".
# Usage: scripts/check.sh [--strict]   (exit 0 = valid, 1 = errors, 2 = only warnings with --strict)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
PYTHONPATH=hooks exec "$PY" -m kb.check "$@" .
