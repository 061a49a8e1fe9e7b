"""Compiled Jinja templates shared across builds.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds once
per language, so Material's templates were compiled five times per `mkdocs build` and
again on every `mkdocs serve` rebuild. Compiled code is keyed by template name and source
checksum, so an edited template is still recompiled.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SHARED = MemoryBytecodeCache()
