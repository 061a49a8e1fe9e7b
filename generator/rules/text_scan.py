"""Finding links, HTML and placeholders in writer Markdown, outside code spans."""

from __future__ import annotations

import re

CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
MARKDOWN_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
HTML = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);"
)
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def without_code(text: str) -> str:
    """The text with code spans blanked out (same length, so offsets still hold)."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def code_spans(text: str) -> list[str]:
    return [m.group(2) for m in CODE_SPAN.finditer(text)]


def link_targets(text: str) -> list[tuple[str, int]]:
    """(target, offset) of every Markdown link and autolink."""
    plain = without_code(text)
    found = [(m.group(1), m.start(1)) for m in MARKDOWN_LINK.finditer(plain)]
    found += [(m.group(1), m.start(1)) for m in AUTOLINK.finditer(plain)]
    return sorted(found, key=lambda item: item[1])


def unsafe_reason(url: str) -> str | None:
    """Why a URL may not be used, or None when it is fine."""
    stripped = "".join(url.split())  # browsers ignore whitespace inside schemes
    if stripped.startswith("//"):
        return "starts with '//'; write the full https:// address"
    scheme = SCHEME.match(stripped)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return f"uses '{scheme.group(1)}:'; only http, https, mailto, tel and relative links are allowed"
    return None
