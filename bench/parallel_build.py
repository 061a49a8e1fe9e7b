"""`mkdocs build` against `helpcenter build --jobs N` (one process per language, merged).

A synthetic site of --articles articles x 5 languages and 10 trees (bench/build_cost.py's
generator), built both ways in one run, interleaved, median of --repeat; the two sites
are compared file by file. Goal on 2 cores: helpcenter build --jobs 2 <= 0.6x.

    python bench/parallel_build.py [--quick] [--articles 2000] [--jobs 2] [--repeat 1]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_cost import ENV, LANGUAGES, build, check_project, count_pages, make_project  # noqa: E402

HELPCENTER = str(Path(sys.executable).parent / "helpcenter")


def parallel(project: Path, site: Path, jobs: int) -> float:
    if site.exists():
        shutil.rmtree(site)
    command = [HELPCENTER, "build", "--jobs", str(jobs), "--site-dir", str(site)]
    start = time.perf_counter()
    run = subprocess.run(
        command, cwd=project, env=ENV, capture_output=True, text=True, timeout=3600
    )
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"helpcenter build failed:\n{(run.stdout + run.stderr)[-4000:]}")
    return elapsed


def differences(a: Path, b: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(
            prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files
        )
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller site (also BENCH_QUICK=1)")
    parser.add_argument(
        "--articles", type=int, help="articles per language; default 2000, quick 200"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind (median)")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    articles = args.articles or (200 if quick else 2000)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hc-bench-parallel-") as folder:
        work = Path(folder)
        project = make_project(
            work / "project",
            trees=10,
            nodes=30,
            articles=articles,
            languages=LANGUAGES,
            plugin=True,
        )
        print(
            f"{articles} articles x 5 languages, 10 trees of 30 nodes: {check_project(project)};"
            f" {os.cpu_count()} cores",
            flush=True,
        )
        single: list[float] = []
        split: list[float] = []
        for _ in range(args.repeat):
            single.append(build(project, work / "single")[0])
            split.append(parallel(project, work / "parallel", args.jobs))
        pages = count_pages(work / "single")
        diff = differences(work / "single", work / "parallel")
        one, many = statistics.median(single), statistics.median(split)
        print(
            f"  mkdocs build                    {one:7.1f} s  runs "
            + " ".join(f"{t:.1f}" for t in single)
        )
        print(
            f"  helpcenter build --jobs {args.jobs}       {many:7.1f} s  runs "
            + " ".join(f"{t:.1f}" for t in split)
        )
        print(
            f"helpcenter build --jobs {args.jobs} / mkdocs build = {many / one:.2f}x (goal <= 0.6x on 2 cores);"
            f" {pages} pages; sites differ in {len(diff)} file(s)"
            + (f": {diff[:5]}" if diff else "")
        )
    print(f"(parallel_build.py ran {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
