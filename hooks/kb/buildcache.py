"""Reuse work between builds of one process (`mkdocs serve` keeps hook modules loaded).

Two memories, both in RAM only (nothing is written to disk, so a fresh `mkdocs build` is
always a clean build):

- DocumentCache: each data file's loaded Document and problems, keyed by a hash of the file's
  bytes, the engine version (the source of hooks/kb and the templates) and everything else the
  loader consults while reading one file (the registry, the list of source files, today's
  date). Editing one YAML file re-reads that file only.
- PageMemory: the hash of each generated page's content at the previous build. A page whose
  content did not change reports itself unmodified, so `mkdocs serve --dirty` skips
  converting and writing it (MkDocs always treats in-memory generated files as modified).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent


def _engine_version() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted([*ENGINE_DIR.glob("*.py"), *(ENGINE_DIR.parent / "templates").glob("*")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


ENGINE_VERSION = _engine_version()


def fingerprint(*parts: bytes | str) -> str:
    digest = hashlib.blake2b(ENGINE_VERSION.encode(), digest_size=16)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class DocumentCache:
    """path → (key, loaded value); at most one entry per data file, so memory stays ~ the corpus."""

    def __init__(self):
        self._entries: dict[str, tuple[str, object]] = {}
        self.hits = self.misses = 0

    def get(self, path: str, key: str):
        entry = self._entries.get(path)
        if entry is not None and entry[0] == key:
            self.hits += 1
            return entry[1]
        self.misses += 1
        return None

    def put(self, path: str, key: str, value: object) -> None:
        self._entries[path] = (key, value)

    def keep_only(self, paths: set[str]) -> None:
        """Forget files that no longer exist."""
        for path in [p for p in self._entries if p not in paths]:
            del self._entries[path]


class PageMemory:
    """Which generated pages changed since the previous build in this process."""

    def __init__(self):
        self._hashes: dict[str, bytes] = {}

    def changed(self, src_path: str, content: str) -> bool:
        digest = hashlib.blake2b(content.encode("utf-8"), digest_size=16).digest()
        previous = self._hashes.get(src_path)
        self._hashes[src_path] = digest
        return previous != digest
