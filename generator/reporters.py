"""Output formats for problems, chosen by name (`--format`), like check-jsonschema's."""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.problems import Problem


def text(problems: list[Problem]) -> str:
    """`PATH:LINE:COL: LEVEL: MESSAGE [RULE]`, one per line."""
    return "".join(f"{p}\n" for p in problems)


def as_json(problems: list[Problem]) -> str:
    rows = [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "level": p.level.value,
            "rule": p.rule,
            "message": p.message,
        }
        for p in problems
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands: each problem annotates its file and line."""
    lines = []
    for p in problems:
        props = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", p.path),
                ("line", p.line),
                ("col", p.column),
                ("title", p.rule),
            )
        )
        lines.append(f"::{p.level.value} {props}::{_escape_data(p.message)} [{p.rule}]\n")
    return "".join(lines)


REPORTERS: dict[str, Callable[[list[Problem]], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
}


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "no problems found"
    files = len({p.path for p in problems})
    plural = "s" if files != 1 else ""
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} in {files} file{plural}"
