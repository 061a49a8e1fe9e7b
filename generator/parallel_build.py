"""`helpcenter build`: the site built one language per process, then put together.

Each language is a `mkdocs build` of its own (HELPCENTER_LANGUAGES=<code>, see
generator/site/language_selection.py) into a part folder, --jobs at once; with fewer jobs
than languages, each process builds a run of neighbouring languages (every process reads
the whole project first: five processes on two cores would do that five times), and the
work is cut into equal shares of pages: a language that falls across two processes is
shared, each rendering its share of its pages (generator/page_shares.py). The
rules run once, in this process, while the parts build (HELPCENTER_CHECKED_ELSEWHERE
tells the parts not to run them again); their problems are printed as `helpcenter
validate` prints them, and an error (or, with --strict, a warning) stops the parts.
Whether an article cannot be rendered (`article-render`) is worked out only if a part
fails: the parts render every page anyway. The parts are merged into one site equal to
a single `mkdocs build` (generator/site_merge.py); a shared language's search index is
written last, from the searchable copies of its pages that its parts left in one folder.

A `--strict` build does not share languages: MkDocs checks a link to an anchor only in
a process that rendered the page it leads to.

CI builds the parts on separate machines (`--language nb --part-dir DIR`, a matrix of
jobs) and merges them in a last job (`--merge DIR...`). The site is put together in a
temporary folder beside --site-dir and swapped in at the end, so a failed build leaves
the previous site as it was. MkDocs runs as a subprocess: this module does not import it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.config import CHECKED_ELSEWHERE, ConfigError, ProjectConfig
from generator.output import config_problem, output_format
from generator.page_shares import (
    SHARE_ENV,
    SHARED_COPIES_ENV,
    PartPlan,
    Share,
    encode,
    plan_parts,
)
from generator.problems import Problem
from generator.project import load_project
from generator.reporters import REPORTERS, summary
from generator.rules import article_render
from generator.search import IndexRuns
from generator.site_merge import MANIFEST, Part, SiteLanguages, merge_parts, read_part, swap_in


def build_part(
    mkdocs_yml: Path,
    languages: tuple[str, ...],
    folder: Path,
    strict: bool,
    running: RunningBuilds | None = None,
    shares: Sequence[Share] = (),
    shared_copies: Path | None = None,
) -> Part:
    """One `mkdocs build` of `languages` into `folder`, with a manifest saying which.
    With `running`, the project is checked beside it: the build does not run the rules.
    Of the languages in `shares` it renders only its share of the pages, and leaves their
    searchable copies in `shared_copies` (a --dirty build: see site/shared_pages.py)."""
    env = {**os.environ, "HELPCENTER_LANGUAGES": " ".join(languages), "NO_MKDOCS_2_WARNING": "1"}
    if running is not None:
        env[CHECKED_ELSEWHERE] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(mkdocs_yml), "-d", str(folder)]
    if strict:
        command.append("--strict")
    env.pop(SHARE_ENV, None)
    if shares:
        assert shared_copies is not None
        env[SHARE_ENV], env[SHARED_COPIES_ENV] = encode(shares), str(shared_copies)
        command.append("--dirty")
    process = subprocess.Popen(
        command,
        cwd=mkdocs_yml.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Beside a check, a build may be stopped: as a group, with the Pagefind runs it
        # started (build_site stops the groups on Ctrl-C too).
        start_new_session=running is not None,
    )
    if running is not None:
        running.add(process)
    output, _ = process.communicate()
    part = Part(languages, folder, process.returncode, output)
    if process.returncode == 0:
        (folder / MANIFEST).write_text(json.dumps({"languages": list(languages)}), "utf-8")
    return part


class RunningBuilds:
    """The part builds started so far; stopped at once when the project check fails."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._processes: list[subprocess.Popen[str]] = []
        self._stopped = False

    def add(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._processes.append(process)
            if self._stopped:
                _terminate_group(process)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            for process in self._processes:
                _terminate_group(process)


def _terminate_group(process: subprocess.Popen[str]) -> None:
    """End a build and what it started (a build indexes each language as it goes)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)


# The builds render every page anyway: whether one cannot be rendered (and where) is
# worked out only when a build fails.
AFTER_A_FAILED_BUILD = frozenset({article_render.ID})


def check_project(mkdocs_yml: Path, skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Every problem `mkdocs build` would report for this project (but the rules in
    `skip`), paths as it shows them."""
    try:
        config = ProjectConfig.from_mkdocs_yml(mkdocs_yml)
    except ConfigError as error:
        return [config_problem(error)]
    return load_project(config, relative_to=mkdocs_yml.parent, skip=skip).problems


def build_site(
    mkdocs_yml: Path,
    languages: Sequence[str] | None = None,
    jobs: int = 0,
    site_dir: Path | None = None,
    strict: bool = False,
    fmt: str = "text",
) -> int:
    """Build `languages` (default: all), one process each, into site_dir; 0 on success.
    The project's problems are printed in `fmt` (a reporter's name); on failure
    site_dir is left as it was."""
    site = SiteLanguages.read(mkdocs_yml)
    unknown = [lang for lang in languages or () if lang not in site.order]
    if unknown:
        print(f"helpcenter: no language {', '.join(unknown)} in {mkdocs_yml}; "
              f"the site has {', '.join(site.order)}", file=sys.stderr)  # fmt: skip
        return 1
    chosen = [lang for lang in site.order if not languages or lang in languages]
    target = (site_dir or site.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(chosen)))
    plans = plan_parts(chosen, workers, split=not strict)
    # Several builds: each would read and check the whole project first; check it once
    # here instead, while they build (a failed check stops them).
    running = RunningBuilds() if len(plans) > 1 else None
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as tmp:
        work = Path(tmp)
        shared_copies = work / "shared-copies"

        def run(index: int, plan: PartPlan) -> Part:
            folder = work / f"part-{index}-{'-'.join(plan.languages)}"
            return build_part(
                mkdocs_yml, plan.languages, folder, strict, running, plan.shares, shared_copies
            )

        with ThreadPoolExecutor(workers) as pool:
            futures = [pool.submit(run, index, plan) for index, plan in enumerate(plans)]
            try:
                problems = check_project(mkdocs_yml, AFTER_A_FAILED_BUILD) if running else []
                refused = any(p.is_error for p in problems) or (strict and bool(problems))
                if refused and running is not None:
                    running.stop()
                parts = [future.result() for future in futures]
            except BaseException:  # Ctrl-C: their own sessions do not get it
                if running is not None:
                    running.stop()
                raise
        failed = [part for part in parts if part.returncode != 0]
        if failed and running is not None and not refused:
            problems = check_project(mkdocs_yml)  # with the rules left out before
            refused = any(p.is_error for p in problems) or (strict and bool(problems))
        if problems:
            sys.stdout.write(REPORTERS[fmt](problems))
        if refused:
            print(f"helpcenter: {summary(problems)}; {target} was not changed", file=sys.stderr)
            return 1
        print_outputs(parts, everything=bool(failed))
        if failed:
            names = ", ".join(lang for part in failed for lang in part.languages)
            print(f"helpcenter: the build failed ({names}); {target} was not changed",
                  file=sys.stderr)  # fmt: skip
            return 1
        merged = work / "site"
        merge_parts(parts, site, merged, move=True)
        shared = sorted({share.language for plan in plans for share in plan.shares})
        try:
            _index_shared(merged, site, shared, shared_copies)
        except RuntimeError as error:
            print(f"helpcenter: {error}; {target} was not changed", file=sys.stderr)
            return 1
        swap_in(merged, target)
    split = "".join(f"; {lang}'s pages split between its builds" for lang in shared)
    print(f"helpcenter: built {', '.join(chosen)} in {workers} process(es) into {target}{split}")
    return 0


def _index_shared(merged: Path, site: SiteLanguages, shared: list[str], copies: Path) -> None:
    """The search index of each shared language, from both parts' searchable copies (as
    the parts index their other languages: generator/search.py)."""
    # No copies: the site has no search.
    folders = {lang: site.folder(lang) for lang in shared}
    folders = {lang: folder for lang, folder in folders.items() if (copies / folder).is_dir()}
    if folders:
        IndexRuns(merged, folders, site.default, copies_dir=copies).finish()


def print_outputs(parts: Sequence[Part], everything: bool = True) -> None:
    """Every part reads and checks the same trees: print each line once (after a
    successful build only the warnings and errors, as `mkdocs build -q` would)."""
    seen: set[str] = set()
    for part in parts:
        for line in part.output.splitlines():
            if not everything and not line.startswith(("WARNING", "ERROR")):
                continue
            if line not in seen:
                seen.add(line)
                print(line, file=sys.stderr)


def add_build_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    build = commands.add_parser(
        "build",
        help="build the site, each language in its own process, into one site",
        description="Build each language with its own `mkdocs build` (up to --jobs at "
        "once; with fewer jobs than languages, the pages are shared out evenly, a language "
        "split between two builds if need be) and put them together into one site, the "
        "same as a single `mkdocs build`. "
        "The project is checked once, here, beside the builds; problems stop them. "
        "For CI across machines: build parts with --part-dir, then --merge them.",
    )
    build.add_argument("--config", type=Path, default=None, help="mkdocs.yml (default: ./)")
    build.add_argument("--jobs", type=int, default=0, help="processes at once (default: cores)")
    build.add_argument(
        "--language", nargs="+", default=None, metavar="CODE", help="only these languages"
    )
    build.add_argument("--site-dir", type=Path, default=None, help="default: mkdocs.yml's")
    build.add_argument("--strict", action="store_true", help="fail on MkDocs warnings too")
    build.add_argument(
        "--part-dir", type=Path, default=None, help="build --language as one part, unmerged"
    )
    build.add_argument(
        "--merge", nargs="+", type=Path, default=None, metavar="DIR", help="merge built parts"
    )


def cmd_build(args: argparse.Namespace) -> int:
    mkdocs_yml = (args.config or Path("mkdocs.yml")).resolve()
    if not mkdocs_yml.is_file():
        print(f"helpcenter: no {mkdocs_yml}", file=sys.stderr)
        return 1
    if args.merge:
        site = SiteLanguages.read(mkdocs_yml)
        target = (args.site_dir or site.site_dir).resolve()
        with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as tmp:
            merged = Path(tmp) / "site"
            merge_parts([read_part(folder) for folder in args.merge], site, merged)
            swap_in(merged, target)
        print(f"helpcenter: merged {len(args.merge)} part(s) into {target}")
        return 0
    if args.part_dir:
        if not args.language:
            print("helpcenter: --part-dir needs --language", file=sys.stderr)
            return 1
        if args.part_dir.exists():
            shutil.rmtree(args.part_dir)
        part = build_part(mkdocs_yml, tuple(args.language), args.part_dir.resolve(), args.strict)
        print_outputs([part], everything=part.returncode != 0)
        return 0 if part.returncode == 0 else 1
    fmt = output_format(args)  # text, or GitHub annotations under GitHub Actions
    return build_site(mkdocs_yml, args.language, args.jobs, args.site_dir, args.strict, fmt)
