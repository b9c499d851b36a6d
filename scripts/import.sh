#!/usr/bin/env bash
# Draft a document YAML from a raw text (see «Hướng dẫn bổ sung văn bản»).
# Usage: scripts/import.sh data/nguon/ten.txt [-o data/van-ban/ma.yml] [--id ma]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
PYTHONPATH=hooks exec "$PY" -m kb.importer "$@"
