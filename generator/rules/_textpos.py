"""Positions inside a writer string, for messages that point at a word in a text."""

from __future__ import annotations

from generator.model import Pos, Text


def offset_pos(text: Text, offset: int) -> Pos:
    """Where character `offset` of the string is, if the string is a single plain line;
    otherwise the start of the string (block text is re-indented by YAML)."""
    if "\n" in text.value.rstrip("\n"):
        return text.pos
    return Pos(text.pos.path, text.pos.line, text.pos.column + offset)
