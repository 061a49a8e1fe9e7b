"""Build cost of one large troubleshooter: is rendering linear in the tree's size?

A small site (20 articles x 5 languages) built with `mkdocs build` without a tree, and
with one tree of N nodes (tree + 4 complete translation overlays with correct
fingerprints, bench/build_cost.py's generator: questions with 2-3 answers, outcomes with
a Markdown body, an article and a link), builds interleaved, median of --repeat. Prints:

- the time one tree of N nodes adds to the 5-language build, and per node (on average,
  and marginal: extra time per extra node between two sizes); goal: the marginal cost
  per node flat (largest / smallest <= 1.2x), a 2,000-node tree adds <= 10 s;
- what a customer downloads to see the first step (the English troubleshooter page,
  gzipped: every step is in the HTML, so it grows with the tree), and how much of it is
  the page script's JSON (step text is no longer in it: the script reads the HTML).

Beside each time: the CPU seconds the builds used (MkDocs and its Pagefind runs; less
disturbed than the time by other work on the machine) and the 1-minute load average
while they ran. Other work on the machine makes times longer: read them with the load.

    python bench/tree_size.py [--quick] [--sizes 250,1000,2000,4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_cost import LANGUAGES, build, check_project, make_project  # noqa: E402

DATA = re.compile(r'<script type="application/json" class="hc-ts__data">(.*?)</script>', re.S)
BLOCKING_CSS = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # what a web server typically sends


def first_step_bytes(site: Path, tree_id: str) -> tuple[int, int, int, int]:
    """(page gzipped, page, its JSON gzipped, render-blocking CSS gzipped) of the English
    page."""
    page = (site / "troubleshooters" / tree_id / "index.html").read_bytes()
    data = b"".join(m.encode() for m in DATA.findall(page.decode("utf-8")))
    css = 0
    for href in BLOCKING_CSS.findall(page.decode("utf-8")):
        path = (site / "troubleshooters" / tree_id / href.split("?")[0]).resolve()
        if path.is_file():
            css += gz(path.read_bytes())
    return gz(page), len(page), gz(data), css


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and theirs: Pagefind)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load() -> float:
    return os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller trees (also BENCH_QUICK=1)")
    parser.add_argument("--sizes", help="tree sizes in nodes; default 250,1000,2000,4000")
    parser.add_argument("--repeat", type=int, default=3, help="builds per site (median)")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    sizes = [
        int(n)
        for n in (args.sizes or ("100,400,1600" if quick else "250,1000,2000,4000")).split(",")
    ]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hc-bench-tree-") as folder:
        work = Path(folder)
        # Every site the same but for its tree.
        shaped = functools.partial(make_project, articles=20, languages=LANGUAGES, plugin=True)
        roots = {0: shaped(work / "tree-0", trees=0, nodes=0)}
        for size in sizes:
            roots[size] = shaped(work / f"tree-{size}", trees=1, nodes=size)
        print(
            f"one tree of {', '.join(map(str, sizes))} nodes on a 20-article site, 5 languages;"
            f" {len(roots)} sites x {args.repeat} builds, interleaved",
            flush=True,
        )
        print(
            f"  synthetic project ({sizes[-1]} nodes): {check_project(roots[sizes[-1]])}",
            flush=True,
        )
        times: dict[int, list[float]] = {size: [] for size in roots}
        cpu: dict[int, list[float]] = {size: [] for size in roots}
        loads: dict[int, list[float]] = {size: [] for size in roots}
        weights: dict[int, tuple[int, int, int, int]] = {}
        for run in range(args.repeat):
            for size, root in roots.items():
                site = work / "site"
                before, load_before = children_cpu(), load()
                elapsed, _warnings = build(root, site)
                times[size].append(elapsed)
                cpu[size].append(children_cpu() - before)
                loads[size].append(max(load_before, load()))
                if run == 0 and size:
                    weights[size] = first_step_bytes(site, "tree-0000")
        base, base_cpu = statistics.median(times[0]), statistics.median(cpu[0])
        print(
            f"  no tree: median {base:.2f} s (cpu {base_cpu:.2f} s, load {max(loads[0]):.1f})"
            "  runs " + " ".join(f"{t:.2f}" for t in times[0])
        )
        per_node, cpu_per_node = {}, {}
        for size in sizes:
            median = statistics.median(times[size])
            added = median - base
            added_cpu = statistics.median(cpu[size]) - base_cpu
            per_node[size] = 1000 * added / size
            cpu_per_node[size] = 1000 * added_cpu / size
            page, raw, data, css = weights[size]
            print(
                f"  {size:5d} nodes: median {median:6.2f} s, adds {added:6.2f} s,"
                f" {per_node[size]:5.2f} ms/node (5 languages; cpu adds {added_cpu:.2f} s,"
                f" {cpu_per_node[size]:.2f} ms/node; load {max(loads[size]):.1f});"
                f" first step: page {page / 1024:7.1f} KB gz ({raw / 1024:.0f} KB),"
                f" JSON {data / 1024:.1f} KB gz, + render-blocking CSS {css / 1024:.1f} KB gz;"
                f"  runs " + " ".join(f"{t:.2f}" for t in times[size])
            )
        costs, cpu_costs = list(per_node.values()), list(cpu_per_node.values())
        print(
            f"average ms per node (what a tree adds / its nodes), largest / smallest:"
            f" {max(costs) / min(costs):.2f}x (in cpu time {max(cpu_costs) / min(cpu_costs):.2f}x;"
            " a small tree's average carries the cost of the pages every tree has)"
        )
        # The marginal cost: extra time per extra node between two sizes, free of what
        # every tree costs whatever its size (its writers' pages, its page's frame).
        marginal = {
            (small, big): 1000
            * (statistics.median(times[big]) - statistics.median(times[small]))
            / (big - small)
            for small, big in zip(sizes, sizes[1:], strict=False)
        }
        if len(marginal) > 1:
            steps = ", ".join(f"{a}->{b} nodes {ms:.2f}" for (a, b), ms in marginal.items())
            spread = max(marginal.values()) / min(marginal.values())
            print(f"marginal ms per node: {steps}; largest / smallest {spread:.2f}x (goal <= 1.2x)")
        if 2000 in per_node:
            print(
                f"a 2,000-node tree adds {per_node[2000] * 2:.1f} s to a 5-language build"
                f" (goal <= 10 s; cpu {cpu_per_node[2000] * 2:.1f} s)"
            )
        else:
            print(
                f"a 2,000-node tree would add about {per_node[sizes[-1]] * 2:.1f} s"
                f" (from {sizes[-1]} nodes; goal <= 10 s)"
            )
    print(f"(tree_size.py ran {time.perf_counter() - started:.0f} s; load now {load():.1f})")


if __name__ == "__main__":
    main()
