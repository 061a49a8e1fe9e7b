"""`helpcenter accept-translation`: record the English text a translation was checked
against, by rewriting only the file's `fingerprints:` block (comments and the rest of
the file are left as the writer wrote them)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import Tree, TreeTranslation
from generator.rules.base import fingerprint
from generator.rules.stale_article import ARTICLE_KEY, article_fingerprint, article_record

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


# --- Articles: `source_fingerprint:` in a translated article's front matter -------------


def accept_article(file: Path, english: Path) -> str:
    """Record the English text `file` was checked against; returns the fingerprint.
    Only the record line changes (a front matter block is added if there is none)."""
    value = article_fingerprint(english.read_text(encoding="utf-8"))
    record = f'{ARTICLE_KEY}: "{value}"  # written by `helpcenter accept-translation`\n'
    text = file.read_bytes().decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    _, line = article_record(text)
    if line > 1:
        lines[line - 1] = record
    elif lines and lines[0].rstrip() == "---":
        lines.insert(1, record)
    else:
        lines[:0] = ["---\n", record, "---\n", "\n"]
    file.write_text("".join(lines), encoding="utf-8")
    return value


def accept_article_file(file: Path, content_dir: Path, languages: list[str]) -> tuple[bool, str]:
    """`helpcenter accept-translation content/<page>.<lang>.md`: whether it was
    accepted, and what to tell the writer."""
    match = re.match(r"^(?P<stem>.+)\.(?P<lang>[^.]+)\.md$", file.name)
    english = file.with_name(f"{match['stem']}.md") if match else None
    inside = file.resolve().is_relative_to(content_dir.resolve())
    if match is None or english is None or not inside or match["lang"] not in languages:
        listed = ", ".join(languages) or "none"
        return False, (
            f"{file}:1:1: error: not a translated article; name it <page>.<language>.md "
            f"(language one of: {listed}) inside {content_dir.name}/, beside its English <page>.md"
        )
    if not english.is_file() or not file.is_file():
        missing = file if not file.is_file() else english
        return False, f"{file}:1:1: error: there is no {missing}; nothing was changed"
    value = accept_article(file, english)
    return True, f"{file}: marked as reviewed against {english} ({value})"
