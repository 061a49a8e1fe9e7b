"""`helpcenter accept-translation`: record the English text a translation was checked
against, by rewriting only the file's `fingerprints:` block (comments and the rest of
the file are left as the writer wrote them)."""

from __future__ import annotations

from pathlib import Path

from generator.model import Tree, TreeTranslation
from generator.rules.base import fingerprint

HEADER = "fingerprints:  # written by `helpcenter accept-translation`; do not edit by hand\n"


def fingerprint_block(tree: Tree, translation: TreeTranslation) -> str:
    lines = [HEADER]
    for key, text in tree.source_texts().items():
        if key in translation.strings:
            lines.append(f'  {key}: "{fingerprint(text.value)}"\n')
    return "".join(lines)


def rewrite_fingerprints(file: Path, tree: Tree, translation: TreeTranslation) -> int:
    """Replace (or add) the block; returns how many strings it now covers."""
    text = file.read_bytes().decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("fingerprints:")), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and (
            lines[end][:1] in (" ", "\t", "\n", "\r", "#") or not lines[end].strip()
        ):
            end += 1
        lines = lines[:start] + lines[end:]
    body = "".join(lines).rstrip("\n")
    block = fingerprint_block(tree, translation)
    file.write_text(f"{body}\n{block}" if body else block, encoding="utf-8")
    return block.count("\n") - 1
