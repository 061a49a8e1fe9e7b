"""How `helpcenter build` checks the project once for all its language builds.

Every part (one `mkdocs build` of some languages) reads the whole project. One of them,
the last, which has the fewest languages, also runs the rules and writes their problems
to the file HELPCENTER_CHECK_INTO names, one JSON object a line, for `helpcenter build`
to print in its --format; it fails at once on an error (with --strict, on any problem).
The other parts (HELPCENTER_CHECKED_ELSEWHERE=1) only read. `article-render` is left out:
the parts render every page anyway, so it runs only after a part fails, to say where.

No MkDocs here: the plugin writes the file, the command line reads it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from generator.config import ConfigError, ProjectConfig
from generator.output import config_problem
from generator.problems import Problem
from generator.project import load_project
from generator.rules import article_render

# Set for a part that only reads the project: another part checks it.
CHECKED_ELSEWHERE = "HELPCENTER_CHECKED_ELSEWHERE"
# Set for the part that checks it: the file its problems go to.
CHECK_INTO = "HELPCENTER_CHECK_INTO"
# Set for every part: a part whose build succeeded ends without Python's teardown
# (generator/site/quick_exit.py).
PART_BUILD = "HELPCENTER_PART_BUILD"
# The rules whose problems a build finds by itself (it renders every page).
AFTER_A_FAILED_BUILD = frozenset({article_render.ID})


def check_project(mkdocs_yml: Path, skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Every problem `mkdocs build` would report for this project (but the rules in
    `skip`), paths as it shows them."""
    try:
        config = ProjectConfig.from_mkdocs_yml(mkdocs_yml)
    except ConfigError as error:
        return [config_problem(error)]
    return load_project(config, relative_to=mkdocs_yml.parent, skip=skip).problems


def refuses(problems: Sequence[Problem], strict: bool) -> bool:
    """Whether these problems stop a build: an error, or with --strict any problem."""
    return any(p.is_error for p in problems) or (strict and bool(problems))


def write_problems(problems: Sequence[Problem], target: Path) -> None:
    """All at once, under a temporary name first: a part stopped half way leaves no file,
    never half of one."""
    lines = "".join(json.dumps(p.as_row(), ensure_ascii=False) + "\n" for p in problems)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(lines, encoding="utf-8")
    os.replace(partial, target)


def read_problems(source: Path) -> list[Problem] | None:
    """The problems a part wrote; None if it wrote none (it stopped before its check)."""
    if not source.is_file():
        return None
    lines = source.read_text(encoding="utf-8").splitlines()
    return [Problem.from_row(json.loads(line)) for line in lines]
