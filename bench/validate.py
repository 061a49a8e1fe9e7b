"""Validator throughput: a generated 10,000-node tree, validated by the engine, against
PyYAML's C loader just parsing the same file. Prints both times and their ratio
(goal: validation within 2x of the bare parse).

    python bench/validate.py [--nodes 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.config import ProjectConfig  # noqa: E402
from generator.project import load_project  # noqa: E402


def make_tree(nodes: int) -> str:
    """A binary tree of questions whose leaves are outcomes: nodes // 2 questions."""
    questions = nodes // 2
    lines = [
        "id: big",
        "title: A very large troubleshooter",
        "summary: Generated for the benchmark.",
        "start: q0",
        "nodes:",
    ]
    for i in range(questions):
        children = [2 * i + 1, 2 * i + 2]
        lines += [f"  q{i}:", f"    question: Is this step {i} the one you need?", "    options:"]
        for side, child in zip(("yes", "no"), children, strict=True):
            target = f"q{child}" if child < questions else f"o{child}"
            lines += [
                f"      - id: {side}",
                f"        label: {side.capitalize()}, step {i}",
                f"        next: {target}",
            ]
    for child in range(questions, 2 * questions + 1):
        lines += [
            f"  o{child}:",
            "    outcome: solved",
            f"    title: Answer number {child}",
            f"    body: Do **thing {child}** and then check [the page](https://example.com/{child}).",
        ]
    return "\n".join(lines) + "\n"


def best_of(repeat: int, action: Callable[[], object]) -> tuple[float, float]:
    """The best and the median of `repeat` timed runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "decision_trees").mkdir()
        tree_file = root / "decision_trees" / "big.yml"
        tree_file.write_text(make_tree(args.nodes))
        size = tree_file.stat().st_size
        config = ProjectConfig.for_directory(root)

        def parse() -> None:
            yaml.load(tree_file.read_bytes(), Loader=yaml.CSafeLoader)

        def validate() -> None:
            project = load_project(config, relative_to=root)
            assert len(project.trees["big"].nodes) >= args.nodes, "tree did not load"
            assert not project.has_errors, project.problems[:3]

        parse_best, parse_median = best_of(args.repeat, parse)
        validate_best, validate_median = best_of(args.repeat, validate)

    print(f"tree: {args.nodes + 1} nodes, {size / 1024:.0f} KiB")
    print(
        f"bare C-YAML parse (yaml.load CSafeLoader): best {parse_best * 1000:.0f} ms, median {parse_median * 1000:.0f} ms"
    )
    print(
        f"helpcenter validate (load, schema, all rules): best {validate_best * 1000:.0f} ms, median {validate_median * 1000:.0f} ms"
    )
    print(
        f"ratio validate / parse: {validate_best / parse_best:.2f}x (best), {validate_median / parse_median:.2f}x (median); goal <= 2x"
    )


if __name__ == "__main__":
    main()
