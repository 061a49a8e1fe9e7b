"""Problems in an exchange file being imported. They are not tree rules (`helpcenter
rules` lists those); docs/translations.md lists them with examples."""

from __future__ import annotations

from generator.model import Pos
from generator.problems import Level, Problem

SYNTAX = "exchange-syntax"
LANGUAGE = "exchange-language"
UNKNOWN_CONTEXT = "exchange-unknown-context"
PLACEHOLDER = "exchange-placeholder"
LINK = "exchange-link"
SOURCE_CHANGED = "exchange-source-changed"


def error(path: str, line: int, rule: str, message: str, column: int = 1) -> Problem:
    return Problem.at(Pos(path, max(line, 1), column), Level.ERROR, rule, message)


def warning(path: str, line: int, rule: str, message: str) -> Problem:
    return Problem.at(Pos(path, max(line, 1), 1), Level.WARNING, rule, message)
