"""Writer Markdown simple enough to need no parser: paragraphs and tight lists of plain
words with **bold**, as most outcome bodies are written.

`simple_block` returns exactly the HTML Python-Markdown (with the writer-text settings
of `generator.writer_text`) makes of such text, or None for anything else, which then
goes to the parser. Python-Markdown costs about half a millisecond for an outcome body,
and a large tree has thousands of bodies in every language. Anything with a character
Markdown may give a meaning to (code, escapes, links, emphasis, entities, HTML, line
breaks) is left to the parser; tests/engine/test_writer_text_blocks.py compares the two.
"""

from __future__ import annotations

import re

# Characters with a meaning inside a line of Markdown; `*` is allowed only in `**bold**`
# and `&` only where it is not the start of an entity.
_SPECIAL = frozenset("`\\[]<>*_")
# What may not start a line of a paragraph or list item: headings, quotes, list markers,
# rules, setext underlines, numbers (an ordered list); `**bold**` may.
_BLOCK_START = frozenset("#>-+=|*")
_STRONG = re.compile(r"\*\*([^*\s](?:[^*]*[^*\s])?)\*\*")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
_ORDERED = re.compile(r"(\d+)\. (.*)")
_BULLET = re.compile(r"[-*+] (.*)")
_INDENT = re.compile(r" {0,4}")
_BLANK_LINES = re.compile(r"\n{2,}")


def simple_block(text: str) -> str | None:
    """The HTML of `text` when it is plain paragraphs and lists, else None."""
    html: list[str] = []
    previous_list = False
    for block in _BLANK_LINES.split(text.strip("\n")):
        lines = block.split("\n")
        if (first := _ORDERED.fullmatch(lines[0])) is not None:
            # A list starting at another number gets a start attribute: the parser's job.
            if first.group(1) != "1":
                return None
            items = _items(lines, _ORDERED, _BULLET, 2)
            tag = "ol"
        elif _BULLET.fullmatch(lines[0]) is not None:
            items, tag = _items(lines, _BULLET, _ORDERED, 1), "ul"
        else:
            rendered = [part for line in lines if (part := _line(line)) is not None]
            if len(rendered) < len(lines):
                return None
            html.append("<p>" + "\n".join(rendered) + "</p>")
            previous_list = False
            continue
        # A list right after a list: the parser joins them into one loose list.
        if items is None or previous_list:
            return None
        html.append(f"<{tag}>\n" + "".join(f"<li>{item}</li>\n" for item in items) + f"</{tag}>")
        previous_list = True
    return "\n".join(html)


def _items(
    lines: list[str], item: re.Pattern[str], other: re.Pattern[str], group: int
) -> list[str] | None:
    """A tight list's items, rendered; a line that starts no item continues the one before
    (its indentation kept, as the parser keeps it)."""
    items: list[str] = []
    for line in lines:
        if (match := item.fullmatch(line)) is not None:
            rendered = _line(match.group(group))
            if rendered is None:
                return None
            items.append(rendered)
            continue
        if other.fullmatch(line):  # the other kind of list: the parser's job
            return None
        indent = _INDENT.match(line)
        assert indent is not None  # zero spaces always match
        rendered = _line(line[indent.end() :])
        if rendered is None:
            return None
        items[-1] += "\n" + indent.group() + rendered
    return items


def _line(line: str) -> str | None:
    """One line of plain text and **bold**, as HTML; None if Markdown may see more in it."""
    if not line or not line.isprintable() or line[0].isspace() or line[-1].isspace():
        return None
    if line[0].isdigit() or (line[0] in _BLOCK_START and not _STRONG.match(line)):
        return None
    # Text, bold text, text, ...: Markdown may see more in any of them only if special.
    parts = _STRONG.split(line) if "*" in line else [line]
    if not _SPECIAL.isdisjoint("".join(parts)):
        return None
    if "&" in line:
        if _ENTITY.search(line):
            return None
        parts = [part.replace("&", "&amp;") for part in parts]
    parts[1::2] = [f"<strong>{bold}</strong>" for bold in parts[1::2]]
    return "".join(parts)
