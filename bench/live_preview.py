"""Live preview latency: how long after a writer saves a file `mkdocs serve` shows it.

Copies the sample site (content/, decision_trees/, mkdocs.yml, overrides/) to a temporary
folder, starts `mkdocs serve --dirty` on 127.0.0.1 (a free port), as `./dev serve` runs
it, and waits until it serves. Then, --edits times, interleaved:

  tree:    change a question text in decision_trees/why-cant-i-cancel.yml and time until
           /troubleshooters/why-cant-i-cancel/ contains the new text;
  article: change a sentence in content/orders/cancel-order.md and time until
           /orders/cancel-order/ contains it: the side-by-side reference for the tree.

Prints the median and max of each, and how the time splits between noticing the change
(the plugin makes MkDocs poll every 0.1 s instead of 0.5 s) and rebuilding; each serve
rebuild re-renders only the pages the save changed (generator/site/preview.py), and
--full-rebuild measures `./dev serve --full` instead (every page, every save). Then times
a whole-site rebuild in a warm process of the sample site with and without the helpcenter
plugin, interleaved, to show what the plugin adds. `--profile` profiles one such rebuild
of each. Every figure is printed with the load average of the moment, and each edit's
CPU time in the server process too (about the same on a busy machine, unlike wall time).

Measured twice by default (--languages all,en): serving every language, as `./dev serve`
does, and only English, as `./dev serve --language en` (HELPCENTER_LANGUAGES=en) does for
a writer who works on the English text. Goal: median < 1 s.

    python bench/live_preview.py [--edits 5] [--quick] [--profile] [--languages all,en]
                                 [--full-rebuild]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # build_cost, imported lazily
PROJECT_PARTS = ("mkdocs.yml", "content", "decision_trees", "overrides")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
GOAL = 1.0
# How `./dev serve` runs `mkdocs serve` (and `./dev serve --full`): keep them in step.
PREVIEW_FLAGS = ("--dirty",)
FULL_FLAGS: tuple[str, ...] = ()
START_TIMEOUT = 180.0  # the first build of the whole site
EDIT_TIMEOUT = 60.0  # one change, noticed and rebuilt
POLL = 0.05

TREE_FILE = "decision_trees/why-cant-i-cancel.yml"
TREE_URL = "troubleshooters/why-cant-i-cancel/"
TREE_LINE = re.compile(r"^(    question: )(.*)$", re.MULTILINE)  # the first question
ARTICLE_FILE = "content/orders/cancel-order.md"
ARTICLE_URL = "orders/cancel-order/"
ARTICLE_LINE = re.compile(r"^(You can cancel one item)(.*)$", re.MULTILINE)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_site(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def fetch(url: str) -> str | None:
    """The page at `url`, or None if the server does not answer (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=EDIT_TIMEOUT) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@dataclass
class ServerLog:
    """The server's output, each line with the moment it arrived."""

    lines: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            with self.lock:
                self.lines.append((time.perf_counter(), str(line).rstrip()))

    def first_after(self, start: float, text: str) -> float | None:
        with self.lock:
            return next((t for t, line in self.lines if t >= start and text in line), None)

    def tail(self, count: int = 30) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines[-count:])


class Server:
    """`mkdocs serve` in its own process group, so that it and its children end with it."""

    def __init__(
        self, root: Path, port: int, tmp: Path, languages: str = "", full: bool = False
    ) -> None:
        self.base = f"http://127.0.0.1:{port}/"
        self.log = ServerLog()
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        command += FULL_FLAGS if full else PREVIEW_FLAGS
        tmp.mkdir(parents=True, exist_ok=True)  # serve's site folder: inside ours, whatever happens
        self.process = subprocess.Popen(
            command,
            cwd=root,
            env={**ENV, "TMPDIR": str(tmp), "HELPCENTER_LANGUAGES": languages},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.reader = threading.Thread(
            target=self.log.read, args=(self.process.stdout,), daemon=True
        )
        self.reader.start()

    def wait_until_serving(self, path: str) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < START_TIMEOUT:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"mkdocs serve exited ({self.process.returncode}):\n{self.log.tail()}"
                )
            if fetch(self.base + path) is not None:
                return time.perf_counter() - start
            time.sleep(0.2)
        raise SystemExit(
            f"mkdocs serve did not serve {path} within {START_TIMEOUT:.0f} s:\n{self.log.tail()}"
        )

    def cpu_seconds(self) -> float | None:
        """CPU time the server process has used so far (its threads, not its children such
        as Pagefind): unlike wall time, about the same on a busy machine."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime

    def stop(self) -> None:
        """Ctrl-C first (serve then removes its site folder), harder signals if it lingers."""
        for sig, wait in ((signal.SIGINT, 15), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            if self.process.poll() is not None:
                break
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
        self.reader.join(timeout=5)


@dataclass
class Edit:
    name: str
    file: Path
    line: re.Pattern[str]
    url: str
    visible: list[float] = field(default_factory=list)  # save -> page shows the text
    noticed: list[float] = field(default_factory=list)  # save -> "Detected file changes"
    rebuilt: list[float] = field(default_factory=list)  # that -> "Reloading browsers"
    cpu: list[float] = field(default_factory=list)  # server CPU time, save -> visible
    failures: int = 0

    def apply(self, marker: str) -> None:
        text = self.file.read_text(encoding="utf-8")
        changed, count = self.line.subn(lambda m: f"{m[1]}{m[2]} {marker}", text, count=1)
        if count != 1:
            raise SystemExit(f"{self.file}: no line matching {self.line.pattern!r} to change")
        self.file.write_text(changed, encoding="utf-8")


def measure(server: Server, edit: Edit, number: int) -> None:
    marker = f"Bench{number}x{secrets.token_hex(4)}"
    cpu_before = server.cpu_seconds()
    saved = time.perf_counter()
    edit.apply(marker)
    deadline = saved + EDIT_TIMEOUT
    seen: float | None = None
    while time.perf_counter() < deadline:
        page = fetch(server.base + edit.url)  # blocks while a rebuild is under way
        if page is not None and marker in page:
            seen = time.perf_counter()
            break
        time.sleep(POLL)
    if seen is None:
        edit.failures += 1
        print(f"  {edit.name} edit {number}: not visible after {EDIT_TIMEOUT:.0f} s")
        return
    edit.visible.append(seen - saved)
    cpu_after = server.cpu_seconds()
    if cpu_before is not None and cpu_after is not None:
        edit.cpu.append(cpu_after - cpu_before)
    noticed = server.log.first_after(saved, "Detected file changes")
    reloaded = server.log.first_after(saved, "Reloading browsers")
    if noticed is not None and reloaded is not None:
        edit.noticed.append(noticed - saved)
        edit.rebuilt.append(reloaded - noticed)


def settle(server: Server, since: float) -> None:
    """Wait until the rebuild started after `since` has finished, then a little more, so
    that the next edit starts from an idle server."""
    deadline = time.perf_counter() + EDIT_TIMEOUT
    while (
        time.perf_counter() < deadline
        and server.log.first_after(since, "Reloading browsers") is None
    ):
        time.sleep(POLL)
    time.sleep(0.7)


def summary(values: list[float]) -> str:
    if not values:
        return "no data"
    return f"median {statistics.median(values):5.2f} s  max {max(values):5.2f} s  (n={len(values)})"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def report(edits: list[Edit]) -> None:
    print(f"  ({load()})")
    for edit in edits:
        runs = " ".join(f"{v:.2f}" for v in edit.visible)
        print(f"  {edit.name:<8} visible after save: {summary(edit.visible)}  runs [s] {runs}")
        print(f"  {'':<8}   noticed by the watcher: {summary(edit.noticed)}")
        print(f"  {'':<8}   rebuild:                {summary(edit.rebuilt)}")
        print(f"  {'':<8}   server CPU time:        {summary(edit.cpu)}")
        if edit.failures:
            print(f"  {'':<8}   {edit.failures} edit(s) never became visible")
    tree, article = edits
    if tree.visible:
        median, worst = statistics.median(tree.visible), max(tree.visible)
        verdict = "met" if median < GOAL and not tree.failures else "MISSED"
        print(
            f"tree edit -> troubleshooter page: median {median:.2f} s,"
            f" max {worst:.2f} s (goal: median < {GOAL:.0f} s: {verdict}); {load()}"
        )
    if tree.visible and article.visible:
        ratio = statistics.median(tree.visible) / statistics.median(article.visible)
        print(f"tree edit / article edit (median) = {ratio:.2f}x")


SEARCH_LINE = re.compile(r"search indexes written in ([0-9.]+) s")


def report_search(log: ServerLog) -> None:
    """Pagefind indexes the site again after each rebuild, in the background (after the
    browser reloads): how long that takes, competing with the next save for the CPU."""
    with log.lock:
        seconds = [float(m[1]) for _, line in log.lines if (m := SEARCH_LINE.search(line))]
    print(f"  search indexes rewritten in the background: {summary(seconds)}")


def sample_sites(work: Path) -> tuple[Path, Path]:
    """Copies of the sample site with and without the helpcenter plugin (the latter with
    no decision_trees/: MkDocs, Material and i18n alone, on the same articles)."""
    from build_cost import LANGUAGES, mkdocs_yml

    project = copy_site(work / "with-plugin")
    baseline = copy_site(work / "without-plugin")
    (baseline / "mkdocs.yml").write_text(mkdocs_yml(LANGUAGES, plugin=False), encoding="utf-8")
    shutil.rmtree(baseline / "decision_trees")
    return project, baseline


def rebuild_cost(work: Path, repeat: int) -> None:
    """What one serve rebuild costs: a whole-site build in a warm process, with and without
    the plugin, interleaved; median of `repeat`."""
    from build_cost import inprocess_build

    sites = sample_sites(work)
    times: dict[Path, list[float]] = {site: [] for site in sites}
    for site in sites:
        inprocess_build(site, work / f"{site.name}-out")  # warm-up: imports, caches
    for _ in range(repeat):
        for site in sites:
            times[site].append(inprocess_build(site, work / f"{site.name}-out"))
    with_plugin, without = (statistics.median(times[site]) for site in sites)
    for site in sites:
        pages = sum(1 for _ in (work / f"{site.name}-out").rglob("index.html"))
        runs = " ".join(f"{t:.2f}" for t in times[site])
        print(
            f"  {site.name:<15} {pages:4d} pages  runs [s] {runs}  median {statistics.median(times[site]):.2f} s"
        )
    print(
        f"whole-site rebuild in a warm process: with the plugin {with_plugin:.2f} s,"
        f" without {without:.2f} s: the plugin adds {with_plugin - without:.2f} s"
        f" ({with_plugin / without:.2f}x); {load()}"
    )


def profile(work: Path, top: int) -> None:
    """One warm in-process build of each sample site under pyinstrument."""
    from build_cost import breakdown_build, print_breakdowns, print_profiles, profile_build

    sites = sample_sites(work / "profile")
    breakdowns = [breakdown_build(site, work / f"{site.name}-breakdown") for site in sites]
    print("breakdown of one warm rebuild of the sample site:")
    print_breakdowns([site.name for site in sites], breakdowns, top)
    results = []
    for site in sites:
        profile_build(site, work / f"{site.name}-profiled")  # warm-up
        results.append(profile_build(site, work / f"{site.name}-profiled"))
    print("profile of one warm rebuild of the sample site, with vs. without the helpcenter plugin:")
    print_profiles(results[0], results[1], top)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--edits", type=int, help="edits of each kind (default 5, quick 3)")
    parser.add_argument("--quick", action="store_true", help="fewer edits (also BENCH_QUICK=1)")
    parser.add_argument("--repeat", type=int, default=3, help="warm rebuilds of each site (median)")
    parser.add_argument("--profile", action="store_true", help="profile a rebuild in-process")
    parser.add_argument("--top", type=int, default=20, help="profile entries to print")
    parser.add_argument(
        "--languages",
        default="all,en",
        help="serve runs to measure, comma-separated: 'all' (every language, the"
        " default of ./dev serve) or a HELPCENTER_LANGUAGES value such as 'en'",
    )
    parser.add_argument(
        "--full-rebuild",
        action="store_true",
        help="serve as `./dev serve --full` does: every page re-rendered on every save",
    )
    args = parser.parse_args()
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    edits_per_kind = args.edits or (3 if quick else 5)

    with tempfile.TemporaryDirectory(prefix="hc-live-") as folder:
        work = Path(folder)
        for run, languages in enumerate(args.languages.split(",")):
            root = copy_site(work / f"site-{run}")
            serve_and_edit(
                root,
                work / f"tmp-{run}",
                "" if languages == "all" else languages,
                edits_per_kind,
                args.full_rebuild,
            )
        rebuild_cost(work / "rebuild", args.repeat)
        if args.profile:
            profile(work, args.top)


def serve_and_edit(
    root: Path, tmp: Path, languages: str, edits_per_kind: int, full: bool = False
) -> None:
    """Serve `root` (only `languages`, all if empty), then time the edits."""
    port = free_port()
    server = Server(root, port, tmp, languages, full)
    try:
        started = server.wait_until_serving(TREE_URL)
        how = "every page re-rendered on each save" if full else "changed pages re-rendered"
        print(
            f"mkdocs serve of {languages or 'every language'} on 127.0.0.1:{port} ({how}):"
            f" first page served after {started:.1f} s"
        )
        time.sleep(1.0)  # let the first build's last writes and the watcher settle
        edits = [
            Edit("tree", root / TREE_FILE, TREE_LINE, TREE_URL),
            Edit("article", root / ARTICLE_FILE, ARTICLE_LINE, ARTICLE_URL),
        ]
        for number in range(edits_per_kind):
            for edit in edits:  # interleaved: tree, article, tree, article, ...
                before = time.perf_counter()
                measure(server, edit, number)
                settle(server, before)
        report(edits)
        report_search(server.log)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
