"""Positions inside a writer string, for messages that point at a character in a text."""

from __future__ import annotations

import re

from generator.model import Pos, Text

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# YAML's one-letter escapes in double quotes, by the character they stand for.
_NAMED_ESCAPES = {
    "\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
    "\x1b": "e", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P", '"': '"', "\\": "\\",
}  # fmt: skip


def offset_pos(text: Text, offset: int) -> Pos:
    """Where character `offset` of the string was typed.

    The value is not always the text as typed: YAML folds the lines of plain and `>` text,
    removes the indentation of `|` text and reads escapes in double quotes. So the
    character is looked up in the typed text (`Text.source`) as the same occurrence of the
    same character, typed as it is or (in double quotes) as an escape (`\\u200b`)."""
    value = text.value
    if not 0 <= offset < len(value):
        return text.pos
    if not text.source:  # no typed text known: exact only for a single plain line
        if "\n" in value.rstrip("\n"):
            return text.pos
        return Pos(text.pos.path, text.pos.line, text.pos.column + offset)
    char = value[offset]
    wanted = value.count(char, 0, offset)
    tokens = _DOUBLE_QUOTED if text.source.startswith('"', text.start) else _AS_TYPED
    for token in tokens.finditer(text.source, text.body, text.end):
        if _decode(token.group()) == char:
            if wanted == 0:
                return _pos_of(text, token.start())
            wanted -= 1
    return text.pos


def _pos_of(text: Text, index: int) -> Pos:
    breaks = list(_LINE_BREAK.finditer(text.source, text.start, index))
    if not breaks:
        return Pos(text.pos.path, text.pos.line, text.pos.column + index - text.start)
    return Pos(text.pos.path, text.pos.line + len(breaks), index - breaks[-1].end() + 1)


# One character as typed; in double quotes an escape (`\u200b`, `\n`) is one character.
_AS_TYPED = re.compile(r".", re.S)
_DOUBLE_QUOTED = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|.", re.S)
_UNESCAPE = {letter: char for char, letter in _NAMED_ESCAPES.items()}


def _decode(token: str) -> str:
    if len(token) == 1:
        return token
    if token[1] in "xuU":
        return chr(int(token[2:], 16))
    return _UNESCAPE.get(token[1], token[1])
