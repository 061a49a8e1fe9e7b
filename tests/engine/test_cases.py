"""Every folder under cases/ is a test: valid/ ones must produce no problem at all, each
invalid/ one exactly the problems listed in its expected.txt (file:line:col, level,
message and rule)."""

from __future__ import annotations

from pathlib import Path

import pytest
from casekit import CASES, problems_for

VALID = sorted((CASES / "valid").iterdir())
INVALID = sorted((CASES / "invalid").iterdir())


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_example_has_no_problems(case: Path) -> None:
    assert [str(p) for p in problems_for(case)] == []


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_example_reports_exactly_the_expected_problems(case: Path) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "an invalid example must expect at least one problem"
    assert [str(p) for p in problems_for(case)] == expected


def test_there_are_at_least_thirty_bad_inputs() -> None:
    assert len(INVALID) >= 30
