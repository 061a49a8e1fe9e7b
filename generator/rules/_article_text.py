"""An article's Markdown as the checks read it: front matter and code blanked out (same
length, line ends kept, so an offset still gives the line and column in the file)."""

from __future__ import annotations

import re

from generator.articles import ArticleFile
from generator.model import Pos

_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span stays within its paragraph: a backtick left open does not swallow the page.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _without_fences(lines: list[str]) -> list[str]:
    out, index = list(lines), 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening.group(1)
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(index + 1, len(lines)) if closing.match(lines[j])), None)
        if end is None:  # never closed: Markdown reads it as text, and so do the checks
            index += 1
            continue
        for j in range(index, end + 1):
            out[j] = _blank(lines[j])
        index = end + 1
    return out


def markdown_text(article: ArticleFile) -> str:
    """The article's Markdown where it is not code: what Markdown may read as HTML or links."""
    lines = article.text.split("\n")
    body = article.body_line - 1
    lines[:body] = [_blank(line) for line in lines[:body]]
    text = "\n".join(_without_fences(lines))
    return _CODE_SPAN.sub(lambda m: _blank(m.group(0)), text)


def offset_pos(article: ArticleFile, offset: int) -> Pos:
    """The line and column (in characters, from 1) of character `offset` of the text."""
    line_start = article.text.rfind("\n", 0, offset) + 1
    line = article.text.count("\n", 0, offset) + 1
    return Pos(article.path, line, offset - line_start + 1)
