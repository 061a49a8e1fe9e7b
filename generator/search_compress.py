"""Pagefind's fixed files, compressed smaller: what every first search downloads.

Pagefind gzips its files itself, and its script inflates them. Whatever the query, a
first search fetches the language's WebAssembly (about 68 KB) and the index's metadata
(about 28 KB at 2,000 articles), nearly two thirds of its bytes. Zopfli writes the same
gzip format 4 to 11% smaller than Pagefind does, but takes about 0.7 s for each
WebAssembly file; so the WebAssembly is compressed once per Pagefind version and kept (a
file with the hash of what it holds, in CACHE), and only the metadata is compressed at
each build. Index chunks and fragments, hundreds per language, are left as Pagefind
writes them: Zopfli would cost minutes there.

    >>> import gzip
    >>> data = b"pagefind_dcd" + b"abc" * 1000
    >>> gzip.decompress(smaller_gzip(gzip.compress(data, 6))) == data
    True
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

import zopfli.gzip

# Zopfli's iterations: its default, 15, saves a few bytes more than 5 (0.1%), in 25% more time.
ITERATIONS = 5
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "helpcenter"


def smaller_gzip(data: bytes) -> bytes:
    """`data` (a gzip file) compressed again with Zopfli; `data` itself when that is
    not smaller (or not gzip)."""
    try:
        inflated = gzip.decompress(data)
    except (OSError, EOFError):
        return data
    again = zopfli.gzip.compress(inflated, numiterations=ITERATIONS)
    return again if len(again) < len(data) else data


def _cached_smaller_gzip(data: bytes, cache: Path) -> bytes:
    key = cache / f"{hashlib.sha256(data).hexdigest()}.gz"
    if key.is_file():
        return key.read_bytes()
    smaller = smaller_gzip(data)
    try:  # written whole, then renamed: a build beside this one never reads half a file
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache, delete=False) as out:
            out.write(smaller)
        os.replace(out.name, key)
    except OSError:  # a read-only home: compressed again next time
        pass
    return smaller


def compress_index(index_folder: Path, cache: Path = CACHE / "pagefind-wasm") -> int:
    """Compress one language's Pagefind WebAssembly and metadata again, in place; the
    bytes saved."""
    saved = 0
    for path in sorted(index_folder.glob("*.pf_meta")) + sorted(index_folder.glob("wasm.*")):
        data = path.read_bytes()
        smaller = (
            _cached_smaller_gzip(data, cache)
            if path.name.startswith("wasm.")
            else smaller_gzip(data)
        )
        if len(smaller) < len(data):
            path.write_bytes(smaller)
            saved += len(data) - len(smaller)
    return saved
