"""The one finding type every check returns, in the spirit of yamllint's LintProblem."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.model import Pos


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where, how bad, which rule, and what to do about it."""

    path: str
    line: int
    column: int
    level: Level
    rule: str
    message: str

    @classmethod
    def at(cls, pos: Pos, level: Level, rule: str, message: str) -> Problem:
        return cls(pos.path, pos.line, pos.column, level, rule, message)

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level.value}: {self.message} [{self.rule}]"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
