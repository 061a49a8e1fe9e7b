"""The one finding type every check returns, in the spirit of yamllint's LintProblem."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from generator.model import Pos


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Rule(Protocol):
    """A rule module (generator/rules/*.py) as seen by whoever reports its problems."""

    ID: str
    LEVEL: Level


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """The text with line breaks, control and invisible characters written as escapes
    (\\n, \\u2028, \\u202e), so that a message is always one line that reads as it is."""
    if text.isascii() and text.isprintable():
        return text  # the common case, quickly
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            code = ord(char)
            out.append(
                f"\\x{code:02x}"
                if code < 0x100
                else f"\\u{code:04x}"
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(char)
    return "".join(out)


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where, how bad, which rule, and what to do about it.

    The path and message are made one line whatever they quote (`one_line`)."""

    path: str
    line: int
    column: int
    level: Level
    rule: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", one_line(self.path))
        object.__setattr__(self, "message", one_line(self.message))

    @classmethod
    def at(cls, pos: Pos, level: Level, rule: str, message: str) -> Problem:
        return cls(pos.path, pos.line, pos.column, level, rule, message)

    @classmethod
    def of(cls, rule: Rule, pos: Pos, message: str) -> Problem:
        """A problem of `rule`, with the rule's id and level."""
        return cls(pos.path, pos.line, pos.column, rule.LEVEL, rule.ID, message)

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def as_row(self) -> dict[str, str | int]:
        """The problem as JSON data (the problems files of `helpcenter check` and build)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "level": self.level.value,
            "rule": self.rule,
            "message": self.message,
        }

    @classmethod
    def from_row(cls, row: dict[str, object]) -> Problem:
        """The problem `as_row` wrote; ValueError, KeyError or TypeError if it is not one."""
        return cls(
            str(row["path"]),
            int(row["line"]),  # type: ignore[call-overload]
            int(row["column"]),  # type: ignore[call-overload]
            Level(str(row["level"])),
            str(row["rule"]),
            str(row["message"]),
        )

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level.value}: {self.message} [{self.rule}]"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
