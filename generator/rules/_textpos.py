"""Positions inside a writer string, for messages that point at a character in a text."""

from __future__ import annotations

import re

from generator.model import Pos, Text

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def offset_pos(text: Text, offset: int) -> Pos:
    """Where character `offset` of the string was typed.

    The value is not always the text as typed: YAML folds the lines of plain and `>` text,
    removes the indentation of `|` text and reads escapes in quotes. So the character is
    looked up in the typed text (`Text.source`) as the same occurrence of the same character;
    a character that was typed as an escape (`\\u200b`) points at the string's start."""
    value = text.value
    if not 0 <= offset < len(value):
        return text.pos
    if not text.source:  # no typed text known: exact only for a single plain line
        if "\n" in value.rstrip("\n"):
            return text.pos
        return Pos(text.pos.path, text.pos.line, text.pos.column + offset)
    char = value[offset]
    index = text.body - 1
    for _ in range(value.count(char, 0, offset) + 1):
        index = text.source.find(char, index + 1, text.end)
        if index < 0:
            return text.pos
    breaks = list(_LINE_BREAK.finditer(text.source, text.start, index))
    if not breaks:
        return Pos(text.pos.path, text.pos.line, text.pos.column + index - text.start)
    return Pos(text.pos.path, text.pos.line + len(breaks), index - breaks[-1].end() + 1)
