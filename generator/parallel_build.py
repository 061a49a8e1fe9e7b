"""`helpcenter build`: the site built one language per process, then put together.

Each language is a `mkdocs build` of its own (HELPCENTER_LANGUAGES=<code>, see
generator/site/language_selection.py) into a part folder, --jobs at once; with fewer jobs
than languages, each process builds a run of neighbouring languages (every process reads
the whole project first: five processes on two cores would do that five times). The
rules run once, in the part with the fewest languages (generator/part_check.py); their
problems are printed here as `helpcenter validate` prints them. As soon as a part fails
(the check finds an error, or with --strict a warning; a page cannot be built), the
others are stopped. The parts are merged into one site equal to a single `mkdocs build`
(generator/site_merge.py says how).

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
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from generator.output import output_format
from generator.part_check import (
    AFTER_A_FAILED_BUILD,
    CHECK_INTO,
    CHECKED_ELSEWHERE,
    PART_BUILD,
    check_project,
    read_problems,
    refuses,
)
from generator.problems import Problem
from generator.reporters import REPORTERS, summary
from generator.site_merge import MANIFEST, Part, SiteLanguages, merge_parts, read_part, swap_in


def build_part(
    mkdocs_yml: Path,
    languages: tuple[str, ...],
    folder: Path,
    strict: bool,
    running: RunningBuilds | None = None,
    check_into: Path | None = None,
) -> Part:
    """One `mkdocs build` of `languages` into `folder`, with a manifest saying which.
    With `running`, one of several: it runs the rules if `check_into` names the file for
    their problems, else leaves them to the part that does."""
    env = {
        **os.environ,
        "HELPCENTER_LANGUAGES": " ".join(languages),
        "NO_MKDOCS_2_WARNING": "1",
        PART_BUILD: "1",
    }
    if running is not None:
        # A stopped build leaves its temporary files (its pages' copies for Pagefind):
        # beside its part, which `helpcenter build` removes whatever happens.
        scratch = folder.with_name(folder.name + ".tmp")
        scratch.mkdir(parents=True, exist_ok=True)
        env["TMPDIR"] = str(scratch)
        if check_into is not None:
            env[CHECK_INTO] = str(check_into)
        else:
            env[CHECKED_ELSEWHERE] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(mkdocs_yml), "-d", str(folder)]
    if strict:
        command.append("--strict")
    process = subprocess.Popen(
        command,
        cwd=mkdocs_yml.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # One of several may be stopped: as a group, with the Pagefind runs it started
        # (build_site stops the groups on Ctrl-C too).
        start_new_session=running is not None,
    )
    if running is not None:
        running.add(process)
    output, _ = process.communicate()
    stopped = running is not None and running.stopped(process)
    part = Part(languages, folder, process.returncode, output, stopped)
    if process.returncode == 0:
        (folder / MANIFEST).write_text(json.dumps({"languages": list(languages)}), "utf-8")
    return part


class RunningBuilds:
    """The part builds started so far; stopped at once when one of them fails."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._processes: list[subprocess.Popen[str]] = []
        self._stopped_pids: set[int] = set()
        self._stopping = False

    def add(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._processes.append(process)
            if self._stopping:
                self._stop(process)

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            for process in self._processes:
                self._stop(process)

    def stopped(self, process: subprocess.Popen[str]) -> bool:
        with self._lock:
            return process.pid in self._stopped_pids

    def _stop(self, process: subprocess.Popen[str]) -> None:
        """End a build and what it started (a build indexes each language as it goes);
        one that has ended already failed or succeeded by itself."""
        if process.poll() is None:
            self._stopped_pids.add(process.pid)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)


def finish_or_stop(futures: Sequence[Future[Part]], running: RunningBuilds | None) -> list[Part]:
    """The parts, in order, once every build has ended: the others are stopped as soon as
    one fails, since the site will not be changed."""
    pending: set[Future[Part]] = set(futures)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        if running is not None and any(f.result().returncode != 0 for f in done):
            running.stop()
    return [future.result() for future in futures]


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
    groups = language_groups(chosen, workers)
    # Several builds: the last, with the fewest languages, checks the project for all.
    running = RunningBuilds() if len(groups) > 1 else None
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as tmp:
        work = Path(tmp)
        check_file = work / "problems.jsonl"

        def run(group: tuple[str, ...]) -> Part:
            folder = work / f"part-{'-'.join(group)}"
            checks = group == groups[-1]
            return build_part(
                mkdocs_yml, group, folder, strict, running, check_file if checks else None
            )

        with ThreadPoolExecutor(workers) as pool:
            futures = [pool.submit(run, group) for group in groups]
            try:
                parts = finish_or_stop(futures, running)
            except BaseException:  # Ctrl-C: their own sessions do not get it
                if running is not None:
                    running.stop()
                raise
        failed = [part for part in parts if part.returncode != 0 and not part.stopped]
        problems: list[Problem] = []
        if running is not None:
            # None: the checking part was stopped (or failed) before it wrote them.
            written = read_problems(check_file)
            problems = (
                check_project(mkdocs_yml, AFTER_A_FAILED_BUILD) if written is None else written
            )
        refused = refuses(problems, strict)
        if failed and running is not None and not refused:
            problems = check_project(mkdocs_yml)  # with the rules left out before
            refused = refuses(problems, strict)
        if problems:
            sys.stdout.write(REPORTERS[fmt](problems))
        stopped = [lang for part in parts if part.stopped for lang in part.languages]
        if stopped:
            print(f"helpcenter: stopped the build of {', '.join(stopped)} early", file=sys.stderr)
        if refused:
            print(f"helpcenter: {summary(problems)}; {target} was not changed", file=sys.stderr)
            return 1
        print_outputs([part for part in parts if not part.stopped], everything=bool(failed))
        if failed:
            names = ", ".join(lang for part in failed for lang in part.languages)
            print(f"helpcenter: the build failed ({names}); {target} was not changed",
                  file=sys.stderr)  # fmt: skip
            return 1
        merged = work / "site"
        merge_parts(parts, site, merged, move=True)
        swap_in(merged, target)
    print(f"helpcenter: built {', '.join(chosen)} in {workers} process(es) into {target}")
    return 0


def language_groups(languages: Sequence[str], processes: int) -> list[tuple[str, ...]]:
    """`languages` in `processes` runs of neighbours in build order (a part's sitemap lists
    its languages in that order). One language each when there are enough processes;
    otherwise each process also reads the project only once for its group."""
    size, extra = divmod(len(languages), processes)
    groups, start = [], 0
    for index in range(processes):
        end = start + size + (1 if index < extra else 0)
        groups.append(tuple(languages[start:end]))
        start = end
    return [group for group in groups if group]


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
        "once) and put them together into one site, the same as a single `mkdocs build`. "
        "The project is checked once, by one of the builds; a problem stops them all. "
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
