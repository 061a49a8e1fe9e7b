"""What every command shares: finding the project's settings, choosing the output format
and printing problems with the exit status. Kept apart from cli.py so that commands in
other modules (check.py) use it without importing the command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.config import ConfigError, ProjectConfig
from generator.model import Pos
from generator.problems import Problem
from generator.reporters import REPORTERS, summary
from generator.rules import encoding, schema, syntax, unreadable_file

EXIT_OK, EXIT_ERRORS, EXIT_WARNINGS = 0, 1, 2


def project_config(path: Path | None, start: Path | None = None) -> ProjectConfig:
    """The settings of `path` (a mkdocs.yml), else of the mkdocs.yml in `start` (default:
    the working folder) or the nearest folder above it."""
    if path is not None:
        return ProjectConfig.from_mkdocs_yml(path)
    return ProjectConfig.discover((start or Path.cwd()).resolve())


_CONFIG_RULES = {
    "unreadable": unreadable_file,
    "encoding": encoding,
    "syntax": syntax,
    "schema": schema,
}


def config_problem(error: ConfigError) -> Problem:
    """An unreadable mkdocs.yml as a problem at its line and column, like any file."""
    shown = os.path.relpath(error.path.absolute(), Path.cwd())
    pos = Pos(shown, error.line, error.column)
    return Problem.of(_CONFIG_RULES[error.kind], pos, error.message)


def output_format(args: argparse.Namespace) -> str:
    if getattr(args, "format", None):
        return str(args.format)
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report(problems: list[Problem], fmt: str, strict: bool) -> int:
    """Print the problems; the exit status: errors 1, warnings under --strict 2, else 0."""
    sys.stdout.write(REPORTERS[fmt](problems))
    if fmt == "text":
        print(summary(problems), file=sys.stderr)
    if any(p.is_error for p in problems):
        return EXIT_ERRORS
    if strict and problems:
        return EXIT_WARNINGS
    return EXIT_OK


# When set, the MkDocs plugin writes every problem of the build to this file, one JSON
# object a line (generator/site/build_problems.py); `helpcenter check` reads it.
PROBLEMS_FILE_ENV = "HELPCENTER_PROBLEMS_FILE"
