"""Each rule is a documented unit, and each one is shown failing by some example."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from casekit import CASES

import generator
from generator.problems import Level
from generator.rules import RULES

GENERATOR = Path(generator.__file__).parent

EXPECTED_TEXT = "\n".join(
    path.read_text(encoding="utf-8") for path in sorted(CASES.glob("invalid/*/expected.txt"))
)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_rule_is_documented_with_a_passing_and_a_failing_example(rule) -> None:  # type: ignore[no-untyped-def]
    doc = rule.__doc__ or ""
    assert "Passing::" in doc and "Failing::" in doc
    assert isinstance(rule.LEVEL, Level)
    assert rule.SCOPE in {"loader", "tree", "project", "test", "check"}
    if rule.SCOPE in {"tree", "project"}:
        assert callable(rule.check)


# Shown by tests in test_loader.py instead of example folders (generated, symlinked or
# simulated inputs that a checked-in folder cannot hold), and by tests/check (the built
# site's rules).
SHOWN_ELSEWHERE = {
    "too-large", "symlink-outside", "unreadable-file", "internal-error",
    "mkdocs", "broken-link", "reproducible",
}  # fmt: skip


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.ID not in SHOWN_ELSEWHERE], ids=lambda r: r.ID
)
def test_rule_has_an_invalid_example(rule) -> None:  # type: ignore[no-untyped-def]
    assert f"[{rule.ID}]" in EXPECTED_TEXT, f"no example under cases/invalid reports {rule.ID}"


def test_rule_ids_are_unique() -> None:
    ids = [rule.ID for rule in RULES]
    assert len(ids) == len(set(ids))


def test_every_rule_module_is_registered() -> None:
    modules = {
        path.stem
        for path in (GENERATOR / "rules").glob("*.py")
        if "\nID = " in path.read_text(encoding="utf-8")
    }
    registered = {rule.__name__.rpartition(".")[2] for rule in RULES}
    assert modules - registered == set()


def _emitted_rule_ids(root: Path = GENERATOR) -> dict[str, str]:
    """Every rule id written as a string where a Problem is made: `Problem(..., "id", ...)`,
    `Problem.at(pos, level, "id", ...)`, `problems.error(pos, "id", ...)`; with where."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            index = {"Problem": 4, "at": 2, "error": 1}.get(name)
            rule = [k.value for k in node.keywords if k.arg == "rule"]
            if index is not None and len(node.args) > index:
                rule.append(node.args[index])
            for arg in rule:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[arg.value] = f"{path.relative_to(root)}:{node.lineno}"
    return found


def test_every_rule_id_the_code_can_emit_is_registered() -> None:
    """Rule modules are registered (above); ids written as text must name one of them."""
    registered = {rule.ID for rule in RULES}
    unknown = {rule: where for rule, where in _emitted_rule_ids().items() if rule not in registered}
    assert unknown == {}


def test_the_scan_finds_rule_ids_written_as_text(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        'Problem("p", 1, 1, Level.ERROR, "one", "m")\n'
        'Problem.at(pos, Level.ERROR, "two", "m")\n'
        'problems.error(pos, "three", "m")\n'
        'Problem(path, 1, 1, Level.ERROR, rule="four", message="m")\n'
        "Problem.of(rule_module, pos, 'not a rule id')\n"
    )
    assert _emitted_rule_ids(tmp_path) == {
        "one": "m.py:1", "two": "m.py:2", "three": "m.py:3", "four": "m.py:4"
    }  # fmt: skip


def test_every_rule_id_the_examples_show_is_registered() -> None:
    """The same from the other side: what the engine reports over every example folder."""
    shown = set(re.findall(r"\[([a-z0-9-]+)\]$", EXPECTED_TEXT, re.M))
    assert shown - {rule.ID for rule in RULES} == set()
