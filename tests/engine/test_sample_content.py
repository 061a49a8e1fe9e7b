"""The shipped help center is real content: complete in five languages, every answer
tested, and written in its own words (no sentence lifted from the source documents)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import ProjectConfig
from generator.project import load_project
from generator.scenarios import run_scenarios

ROOT = Path(__file__).parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
PROJECT = load_project(ProjectConfig.from_mkdocs_yml(ROOT / "mkdocs.yml"), relative_to=ROOT)


def test_sample_project_has_no_problem_even_under_strict() -> None:
    assert [str(p) for p in PROJECT.problems] == []


def test_the_site_has_five_languages() -> None:
    assert PROJECT.config.languages == ["en", "id", "vi", "lv", "nb"]


@pytest.mark.parametrize("tree_id", ["why-cant-i-cancel", "refund-eligibility", "account-closure"])
def test_every_answer_of_every_tree_is_covered_by_a_passing_scenario(tree_id: str) -> None:
    result = run_scenarios(PROJECT.trees[tree_id])
    assert [str(p) for p in result.problems] == []
    assert result.passed == result.scenarios > 0
    assert result.covered == result.edges


def _ngrams(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(
    not SEEDS.is_dir(), reason="shared/seeds is beside the project only in the workplace"
)
def test_no_eight_word_run_is_copied_from_the_source_documents() -> None:
    seeds: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seeds |= _ngrams(seed.read_text(encoding="utf-8"))
    ours = list((ROOT / "content").rglob("*.md")) + list((ROOT / "decision_trees").glob("*.yml"))
    copied = {
        path.relative_to(ROOT).as_posix(): " ".join(
            sorted(_ngrams(path.read_text(encoding="utf-8")) & seeds)[0]
        )
        for path in ours
        if _ngrams(path.read_text(encoding="utf-8")) & seeds
    }
    assert copied == {}
