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
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.model import Pos
from generator.output import PROBLEMS_FILE_ENV, output_format, project_config, report
from generator.problems import Problem, sort_problems
from generator.project import load_project
from generator.reporters import REPORTERS
from generator.rules import broken_link, mkdocs_build, reproducible
from generator.scenarios import run_scenarios


def add_check_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = commands.add_parser(
        "check",
        help="validate, run scenarios, build the site strictly, check every link; for CI",
        description="Run, in order: validate --strict, the scenario tests, mkdocs build "
        "--strict, an offline link and anchor check of every language with lychee, and a "
        "reproducibility check (two builds must be byte-identical). Exits 1 on any problem.",
    )
    check.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default=None,
        help="how to print problems (default: text; github when GITHUB_ACTIONS=true)",
    )
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
    check.add_argument(
        "--built-site",
        type=Path,
        default=None,
        metavar="DIR",
        help="check this site, already built (by `helpcenter build --merge` in CI), instead"
        " of building one: no build and no reproducibility step",
    )


def _mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    env["NO_MKDOCS_2_WARNING"] = "1"  # the banner is not a problem in the site
    return env


def _bin(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def build_site(config: Path, site_dir: Path) -> tuple[int, list[Problem], str]:
    """`mkdocs build --strict`: its exit status, the problems the plugin recorded (engine
    problems and MkDocs' own warnings, as data), and the log."""
    with tempfile.TemporaryDirectory(prefix="helpcenter-problems-") as folder:
        problems_file = Path(folder) / "problems.jsonl"
        env = _mkdocs_env()
        env[PROBLEMS_FILE_ENV] = str(problems_file)
        cmd = [
            _bin("mkdocs"),
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
        ]
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=config.parent)
        problems = read_problems(problems_file, config)
    output = run.stdout + run.stderr
    if run.returncode != 0 and not any(p.is_error for p in problems):
        tail = output.strip().splitlines()[-1:] or ["no output"]
        message = " ".join(f"mkdocs build failed: {tail[0]}".split())
        problems.append(Problem.of(mkdocs_build, Pos(_shown(config), 1, 1), message))
    return run.returncode, problems, output


def read_problems(problems_file: Path, config: Path) -> list[Problem]:
    """The problems the plugin wrote (paths relative to mkdocs.yml's folder), with paths
    made relative to the working folder."""
    base = config.parent
    if not problems_file.is_file():
        return []
    problems = []
    for number, line in enumerate(problems_file.read_text(encoding="utf-8").splitlines(), 1):
        try:
            found = Problem.from_row(json.loads(line))
            problem = replace(found, path=_shown(base / found.path))
        except (ValueError, KeyError, TypeError):  # a build that died mid-line
            message = f"the build stopped while writing its problem {number}; run the check again"
            problem = Problem.of(mkdocs_build, Pos(_shown(config), 1, 1), message)
        problems.append(problem)
    return problems


def _shown(path: Path) -> str:
    return os.path.relpath(path, Path.cwd())


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
        message = "lychee is not installed; run ./dev test or pip install -e ."
        return [Problem.of(broken_link, Pos("lychee", 1, 1), message)]
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        detail = (run.stderr or run.stdout).strip()[-300:]
        return [Problem.of(broken_link, Pos("site", 1, 1), f"lychee failed: {detail}")]
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
            where = Pos(shown, int(span.get("line", 1)), int(span.get("column", 1)))
            problems.append(Problem.of(broken_link, where, f"broken link {url}: {reason}"))
    if run.returncode != 0 and not problems:
        detail = run.stderr.strip()[-300:]
        problems.append(Problem.of(broken_link, Pos("site", 1, 1), f"lychee failed: {detail}"))
    return sort_problems(problems)


def compare_builds(first: Path, second: Path) -> list[Problem]:
    problems = []
    for left in sorted(p for p in first.rglob("*") if p.is_file()):
        relative = left.relative_to(first)
        right = second / relative
        if not right.exists() or not filecmp.cmp(left, right, shallow=False):
            message = "two builds of the same sources differ here; remove timestamps or random ids"
            problems.append(
                Problem.of(reproducible, Pos(f"site/{relative.as_posix()}", 1, 1), message)
            )
    extra = {p.relative_to(second) for p in second.rglob("*") if p.is_file()} - {
        p.relative_to(first) for p in first.rglob("*") if p.is_file()
    }
    for relative in sorted(extra):
        message = "only the second build wrote this file"
        problems.append(Problem.of(reproducible, Pos(f"site/{relative.as_posix()}", 1, 1), message))
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    fmt = output_format(args)
    config = project_config(args.config)
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
        site = args.built_site or args.site_dir or temp / "site"
        code = 0
        if args.built_site is None:
            step("3/5 mkdocs build --strict")
            code, build_problems, _ = build_site(mkdocs_yml, site)
            problems += build_problems
        if code == 0:
            step("4/5 links and anchors (lychee)")
            problems += check_links(site, args.external)
            if not args.skip_reproducible and args.built_site is None:
                step("5/5 reproducible build")
                again = temp / "again"
                code2, more, _ = build_site(mkdocs_yml, again)
                problems += more if code2 else compare_builds(site, again)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return report(sort_problems(problems), fmt, strict=True)
