"""Finding links, HTML and placeholders in writer Markdown, outside code spans."""

from __future__ import annotations

import re

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
    found = []
    for pattern in (MARKDOWN_LINK, AUTOLINK, REFERENCE):
        found += [(markdown_target(m.group(1)), m.start(1)) for m in pattern.finditer(plain)]
    return sorted(found, key=lambda item: item[1])
