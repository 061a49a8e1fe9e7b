"""`helpcenter check`: everything CI needs, in order, failing on any problem.

1. validate --strict; 2. scenario tests; 3. `mkdocs build --strict`; 4. lychee over the
built site (offline unless --external); 5. a second build must be byte-identical.
MkDocs and lychee run as subprocesses, so this module imports neither.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.problems import Level, Problem, sort_problems

# MkDocs logs "WARNING -  Doc file 'x.md' contains a link 'y.md', but the target ..."
MKDOCS_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<message>.*)$")
MKDOCS_DOC = re.compile(
    r"Doc file '(?P<path>[^']+)' contains (?:a|an absolute) link '(?P<link>[^']+)'"
)
# The plugin logs engine problems already formatted as path:line:col: level: ...
PROBLEM_LINE = re.compile(
    r"(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?P<level>error|warning): (?P<message>.*) \[(?P<rule>[a-z0-9-]+)\]$"
)


def add_check_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = commands.add_parser(
        "check",
        help="validate, run scenarios, build the site strictly, check every link; for CI",
        description="Run, in order: validate --strict, the scenario tests, mkdocs build "
        "--strict, an offline link and anchor check of every language with lychee, and a "
        "reproducibility check (two builds must be byte-identical). Exits 1 on any problem.",
    )
    check.add_argument("--format", choices=["text", "json", "github"], default=None)
    check.add_argument(
        "--config", type=Path, default=None, help="mkdocs.yml (default: ./mkdocs.yml)"
    )
    check.add_argument(
        "--site-dir", type=Path, default=None, help="where to build (default: a temporary folder)"
    )
    check.add_argument(
        "--external",
        action="store_true",
        help="also check links to other sites (needs the network)",
    )
    check.add_argument("--skip-reproducible", action="store_true", help="skip the second build")


def _mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    env["NO_MKDOCS_2_WARNING"] = "1"  # the banner is not a problem in the site
    return env


def _bin(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def build_site(
    config: Path, site_dir: Path, docs_dir: Path | None = None
) -> tuple[int, list[Problem], str]:
    cmd = [
        _bin("mkdocs"),
        "build",
        "--strict",
        "--config-file",
        str(config),
        "--site-dir",
        str(site_dir),
    ]
    run = subprocess.run(cmd, capture_output=True, text=True, env=_mkdocs_env(), cwd=config.parent)
    output = run.stdout + run.stderr
    problems: list[Problem] = []
    for raw in output.splitlines():
        line = raw.strip()
        if match := PROBLEM_LINE.search(line):
            problems.append(
                Problem(
                    match["path"],
                    int(match["line"]),
                    int(match["column"]),
                    Level(match["level"]),
                    match["rule"],
                    match["message"],
                )
            )
        elif match := MKDOCS_LINE.match(line):
            message = match["message"]
            if "Aborted with" in message or PROBLEM_LINE.search(message):
                continue
            problems.append(_mkdocs_problem(message, config, docs_dir or config.parent / "docs"))
    if run.returncode != 0 and not problems:
        tail = output.strip().splitlines()[-1:] or ["no output"]
        problems.append(
            Problem(config.name, 1, 1, Level.ERROR, "mkdocs", f"mkdocs build failed: {tail[0]}")
        )
    return run.returncode, problems, output


def _mkdocs_problem(message: str, config: Path, docs_dir: Path) -> Problem:
    """A MkDocs warning as a Problem, at the line and column of the link it names."""
    doc = MKDOCS_DOC.search(message)
    if doc is None:
        return Problem(config.name, 1, 1, Level.ERROR, "mkdocs", message)
    source = docs_dir / doc["path"]
    line, column = 1, 1
    if source.is_file():
        for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            found = text.find(f"]({doc['link']}")
            if found >= 0:
                line, column = number, found + 3
                break
    shown = os.path.relpath(source, Path.cwd())
    return Problem(shown, line, column, Level.ERROR, "mkdocs", message)


def check_links(site_dir: Path, external: bool) -> list[Problem]:
    """Every link and #anchor of every built page, in every language, with lychee."""
    root = site_dir.resolve()
    cmd = [
        _bin("lychee"), "--no-progress", "--format", "json", "--include-fragments",
        "--index-files", "index.html", "--root-dir", str(root),
    ]  # fmt: skip
    if not external:
        cmd.append("--offline")
    cmd.append(str(root / "**" / "*.html"))
    try:
        run = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        return [
            Problem(
                "lychee",
                1,
                1,
                Level.ERROR,
                "broken-link",
                "lychee is not installed; run ./dev test or pip install -e .",
            )
        ]
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        detail = (run.stderr or run.stdout).strip()[-300:]
        return [Problem("site", 1, 1, Level.ERROR, "broken-link", f"lychee failed: {detail}")]
    problems = []
    for page, failures in sorted(report.get("error_map", {}).items()):
        shown = (
            f"site/{Path(page).resolve().relative_to(root).as_posix()}"
            if Path(page).resolve().is_relative_to(root)
            else page
        )
        for failure in failures:
            url = str(failure.get("url", "")).replace(root.as_uri(), "")
            reason = (failure.get("status") or {}).get("text", "broken")
            span = failure.get("span") or {}
            problems.append(
                Problem(shown, int(span.get("line", 1)), int(span.get("column", 1)), Level.ERROR,
                        "broken-link", f"broken link {url}: {reason}")
            )  # fmt: skip
    if run.returncode != 0 and not problems:
        problems.append(
            Problem(
                "site",
                1,
                1,
                Level.ERROR,
                "broken-link",
                f"lychee failed: {run.stderr.strip()[-300:]}",
            )
        )
    return sort_problems(problems)


def compare_builds(first: Path, second: Path) -> list[Problem]:
    problems = []
    for left in sorted(p for p in first.rglob("*") if p.is_file()):
        relative = left.relative_to(first)
        right = second / relative
        if not right.exists() or not filecmp.cmp(left, right, shallow=False):
            problems.append(
                Problem(
                    f"site/{relative.as_posix()}",
                    1,
                    1,
                    Level.ERROR,
                    "reproducible",
                    "two builds of the same sources differ here; remove timestamps or random ids",
                )
            )
    extra = {p.relative_to(second) for p in second.rglob("*") if p.is_file()} - {
        p.relative_to(first) for p in first.rglob("*") if p.is_file()
    }
    for relative in sorted(extra):
        problems.append(
            Problem(
                f"site/{relative.as_posix()}",
                1,
                1,
                Level.ERROR,
                "reproducible",
                "only the second build wrote this file",
            )
        )
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    from generator.cli import _config, _format, report
    from generator.project import load_project
    from generator.scenarios import run_scenarios

    fmt = _format(args)
    config = _config(args.config)
    mkdocs_yml = config.mkdocs_yml or Path("mkdocs.yml")

    def step(title: str) -> None:
        if fmt == "text":
            print(f"== {title}", file=sys.stderr)

    step("1/5 validate --strict")
    project = load_project(config)
    problems = list(project.problems)
    step("2/5 scenario tests")
    for tree in project.trees.values():
        problems += run_scenarios(tree).problems
    if any(p.is_error for p in problems):
        return report(sort_problems(problems), fmt, strict=True)

    temp = Path(tempfile.mkdtemp(prefix="helpcenter-check-"))
    try:
        site = args.site_dir or temp / "site"
        step("3/5 mkdocs build --strict")
        code, build_problems, _ = build_site(mkdocs_yml, site, config.content_dir)
        problems += build_problems
        if code == 0:
            step("4/5 links and anchors (lychee)")
            problems += check_links(site, args.external)
            if not args.skip_reproducible:
                step("5/5 reproducible build")
                again = temp / "again"
                code2, more, _ = build_site(mkdocs_yml, again, config.content_dir)
                problems += more if code2 else compare_builds(site, again)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return report(sort_problems(problems), fmt, strict=True)
