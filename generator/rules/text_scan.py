"""Finding links, HTML and placeholders in writer Markdown, outside code spans."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.urls import markdown_target

CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
MARKDOWN_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
# `[label]: target` on a line of its own: a link defined once and used as [text][label].
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)>?", re.M)
ENTITY = r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);"
HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--|" + ENTITY)
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}")


def without_code(text: str) -> str:
    """The text with code spans blanked out (same length, so offsets still hold)."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def code_spans(text: str) -> list[str]:
    return [m.group(2) for m in CODE_SPAN.finditer(text)]


def link_targets(text: str) -> list[tuple[str, int]]:
    """(target, offset) of every Markdown link, autolink and reference definition, each
    target as the Markdown renderer passes it on (judge it with generator.urls)."""
    plain = without_code(text)
    found = list(_inline_targets(plain))
    for pattern in (AUTOLINK, REFERENCE):
        found += [(markdown_target(m.group(1)), m.start(1)) for m in pattern.finditer(plain)]
    return sorted(found, key=lambda item: item[1])


_LINK_OPEN = re.compile(r"\]\(")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TITLE = re.compile(r"\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\))\s*$", re.S)


def _inline_targets(text: str) -> Iterator[tuple[str, int]]:
    """The target of every `[text](target "title")`, read as Python-Markdown reads it: up
    to the matching parenthesis, across line breaks within the paragraph (a browser drops
    the line break in a scheme split over two lines), `<...>` brackets and title removed."""
    for opening in _LINK_OPEN.finditer(text):
        start = index = opening.end()
        depth = 0
        while index < len(text) and not _BLANK_LINE.match(text, index):
            char = text[index]
            if char == "\\":
                index += 1
            elif char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
        else:
            continue  # never closed: not a link
        inside = text[start:index]
        offset = start + len(inside) - len(inside.lstrip())
        target = inside.strip()
        if target.startswith("<") and ">" in target:
            target, offset = target[1 : target.index(">")], offset + 1
        elif title := _TITLE.search(target):
            target = target[: title.start()]
        yield markdown_target(target), offset
