"""Each rule is a documented unit, and each one is shown failing by some example."""

from __future__ import annotations

import pytest
from casekit import CASES

from generator.problems import Level
from generator.rules import RULES

EXPECTED_TEXT = "\n".join(
    path.read_text(encoding="utf-8") for path in sorted(CASES.glob("invalid/*/expected.txt"))
)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_rule_is_documented_with_a_passing_and_a_failing_example(rule) -> None:  # type: ignore[no-untyped-def]
    doc = rule.__doc__ or ""
    assert "Passing::" in doc and "Failing::" in doc
    assert isinstance(rule.LEVEL, Level)
    assert rule.SCOPE in {"loader", "tree", "project", "test"}
    if rule.SCOPE in {"tree", "project"}:
        assert callable(rule.check)


# Shown by tests in test_loader.py instead of example folders (generated, symlinked or
# simulated inputs that a checked-in folder cannot hold).
SHOWN_ELSEWHERE = {"too-large", "symlink-outside", "unreadable-file", "internal-error"}


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.ID not in SHOWN_ELSEWHERE], ids=lambda r: r.ID
)
def test_rule_has_an_invalid_example(rule) -> None:  # type: ignore[no-untyped-def]
    assert f"[{rule.ID}]" in EXPECTED_TEXT, f"no example under cases/invalid reports {rule.ID}"


def test_rule_ids_are_unique() -> None:
    ids = [rule.ID for rule in RULES]
    assert len(ids) == len(set(ids))
