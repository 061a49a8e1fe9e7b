"""The build's problems as data, for `helpcenter check`: when HELPCENTER_PROBLEMS_FILE
names a file, every problem of the build goes there, one JSON object a line (path,
line, column, level, rule, message; paths relative to mkdocs.yml's folder): the engine's
problems as they are, and MkDocs' own warnings (broken links and anchors, ...) at the
line and column of the link they name. Written as they happen, so that a build that
stops half way still leaves what it found.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.model import Pos
from generator.output import PROBLEMS_FILE_ENV
from generator.problems import Problem
from generator.rules import mkdocs_build

# The attribute of a log record that carries an engine problem (log.error(..., extra=)).
PROBLEM_ATTRIBUTE = "helpcenter_problem"
# "Doc file 'x.md' contains a link 'y.md#z', but ...": which page and which link.
_DOC_LINK = re.compile(
    r"Doc file '(?P<path>[^']+)' contains (?:a|an absolute) link '(?P<link>[^']+)'"
)


class ProblemFile(logging.Handler):
    """Appends each problem logged under the "mkdocs" logger to the problems file."""

    def __init__(self, target: Path) -> None:
        super().__init__(logging.WARNING)
        self.target = target
        self.root = Path.cwd()
        self.docs_dir = Path.cwd()
        self.config_name = "mkdocs.yml"

    def start(self, config: MkDocsConfig) -> None:
        """A new build: an empty file, and the folders of this configuration."""
        self.root = Path(config.config_file_path).parent
        self.config_name = Path(config.config_file_path).name
        self.docs_dir = Path(config.docs_dir)
        self.target.write_text("", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, PROBLEM_ATTRIBUTE, None)
        if not isinstance(problem, Problem):
            problem = self._mkdocs_problem(" ".join(record.getMessage().split()))
        with self.target.open("a", encoding="utf-8") as out:
            out.write(json.dumps(problem.as_row(), ensure_ascii=False) + "\n")

    def _mkdocs_problem(self, message: str) -> Problem:
        """A MkDocs warning at the line and column of the link it names, else at
        mkdocs.yml. `--strict` fails on every warning, so each one is an error."""
        doc = _DOC_LINK.search(message)
        if doc is None:
            return Problem.of(mkdocs_build, Pos(self.config_name, 1, 1), message)
        source = self.docs_dir / doc["path"]
        line, column = 1, 1
        if source.is_file():
            text = source.read_text(encoding="utf-8", errors="replace")
            for number, content in enumerate(text.splitlines(), start=1):
                found = content.find(f"]({doc['link']}")
                if found >= 0:
                    line, column = number, found + 3
                    break
        shown = os.path.relpath(source, self.root)
        return Problem.of(mkdocs_build, Pos(shown, line, column), message)


_handler: ProblemFile | None = None


def record_problems(config: MkDocsConfig) -> None:
    """At the start of each build: record problems if HELPCENTER_PROBLEMS_FILE asks."""
    global _handler
    target = os.environ.get(PROBLEMS_FILE_ENV)
    if not target:
        return
    logger = logging.getLogger("mkdocs")
    if _handler is None or _handler.target != Path(target):
        if _handler is not None:
            logger.removeHandler(_handler)
        _handler = ProblemFile(Path(target))
        logger.addHandler(_handler)
    _handler.start(config)


def keep_anchor_validation(config: MkDocsConfig) -> None:
    """MkDocs 1.6 collects the links to anchors only when the logger of its pages is above
    DEBUG (mkdocs issue 3927), so `mkdocs build -v --strict` silently skipped the anchor
    checks that `validation: anchors` asks for. Keep that logger at INFO then: its debug
    lines are lost under -v, the anchor checks are not."""
    pages_log = logging.getLogger("mkdocs.structure.pages")
    wanted = config.validation.links.anchors > logging.DEBUG
    if wanted and pages_log.getEffectiveLevel() <= logging.DEBUG:
        pages_log.setLevel(logging.INFO)
