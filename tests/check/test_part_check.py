"""The problems one part of `helpcenter build` hands over to it: written whole or not at
all, and read back as they were, whatever the writer's text holds."""

from __future__ import annotations

from pathlib import Path

from generator.part_check import read_problems, refuses, write_problems
from generator.problems import Level, Problem


def test_problems_are_read_back_as_they_were_written(tmp_path: Path) -> None:
    problems = [
        Problem("decision_trees/a.yml", 3, 7, Level.ERROR, "dangling-next", "to 'x\\ny'"),
        Problem("content/b.nb.md", 12, 1, Level.WARNING, "bidi-control", "Betal \u202e123"),
    ]
    target = tmp_path / "problems.jsonl"
    write_problems(problems, target)
    assert read_problems(target) == problems
    assert [p.name for p in tmp_path.iterdir()] == ["problems.jsonl"], "no partial file left"


def test_no_file_means_the_part_did_not_check() -> None:
    assert read_problems(Path("/nonexistent/problems.jsonl")) is None


def test_an_empty_check_is_an_empty_list(tmp_path: Path) -> None:
    target = tmp_path / "problems.jsonl"
    write_problems([], target)
    assert read_problems(target) == []


def test_a_warning_refuses_only_a_strict_build() -> None:
    warning = Problem("a.yml", 1, 1, Level.WARNING, "plain-comment", "a comment")
    error = Problem("a.yml", 1, 1, Level.ERROR, "dangling-next", "nowhere")
    assert not refuses([warning], strict=False)
    assert refuses([warning], strict=True)
    assert refuses([error], strict=False)
    assert not refuses([], strict=True)
