"""The command-line contract other tools and CI rely on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from casekit import CASES

from generator.cli import main


def run(
    args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def copy_case(tmp_path: Path):  # type: ignore[no-untyped-def]
    def copy(name: str) -> Path:
        target = tmp_path / name.replace("/", "-")
        shutil.copytree(CASES / name, target)
        return target

    return copy


def test_text_format_and_exit_1_on_errors(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/dangling-next")
    code, out, err = run(["validate"], case, monkeypatch, capsys)
    assert code == 1
    assert out == (case / "expected.txt").read_text()
    assert "2 errors, 0 warnings in 1 file" in err


def test_json_format(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/single-option")
    code, out, _ = run(["validate", "--format", "json"], case, monkeypatch, capsys)
    assert code == 0  # a warning alone does not fail without --strict
    assert json.loads(out) == [
        {
            "path": "decision_trees/t.yml",
            "line": 23,
            "column": 3,
            "level": "warning",
            "rule": "single-option",
            "message": "question 'confirm' has only one answer; add another or lead the step "
            "before straight to its next node",
        }
    ]


def test_strict_exits_2_on_warnings(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/single-option")
    code, _, _ = run(["validate", "--strict"], case, monkeypatch, capsys)
    assert code == 2


def test_clean_project_exits_0(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("valid/translated-project")
    code, out, err = run(["validate", "--strict"], case, monkeypatch, capsys)
    assert (code, out) == (0, "")
    assert "no problems found" in err


def test_github_annotations_are_chosen_on_github_actions(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/duplicate-key")
    monkeypatch.chdir(case)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert out == (
        "::error file=decision_trees/t.yml,line=18,col=5,title=duplicate-key::key 'title' is "
        "already set on line 17; keep one of the two (YAML would silently use only the last) "
        "[duplicate-key]\n"
    )


def test_paths_limit_the_report_to_those_files(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/translation-orphan")
    code, out, _ = run(["validate", "decision_trees/tt.nb.yml"], case, monkeypatch, capsys)
    assert code == 1
    assert out.splitlines() == [
        "decision_trees/tt.nb.yml:1:1: error: there is no tree 'tt' for this file; "
        "did you mean 't'? [unknown-tree]"
    ]


def test_a_missing_path_is_an_error_not_a_traceback(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("valid/bom-and-crlf")
    code, out, _ = run(["validate", "nope.yml"], case, monkeypatch, capsys)
    assert code == 1
    assert out == "nope.yml:1:1: error: no such file or folder [unreadable-file]\n"


def test_scenarios_report_coverage(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("valid/translated-project")
    code, out, err = run(["test", "--strict"], case, monkeypatch, capsys)
    assert (code, out) == (0, "")
    assert "t: 2/2 scenarios passed, 2/2 answers covered (100%)" in err


def test_failing_scenarios_exit_1(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/scenario-failures")
    code, out, err = run(["test"], case, monkeypatch, capsys)
    assert code == 1
    assert out == (case / "expected.txt").read_text()
    assert "t: 0/4 scenarios passed, 1/2 answers covered (50%)" in err


def test_graph_prints_mermaid(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("valid/translated-project")
    code, out, _ = run(["graph", "t", "--language", "nb"], case, monkeypatch, capsys)
    assert code == 0
    assert out.splitlines()[:2] == ["flowchart TD", '    n_shipped{{"Er varen sendt?"}}']
    assert '    n_shipped -->|"Den er sendt"| n_send_back' in out


def test_graph_of_an_unknown_tree(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("valid/translated-project")
    code, _, err = run(["graph", "x"], case, monkeypatch, capsys)
    assert code == 1
    assert "there is no tree 'x' (trees: t)" in err


def test_accept_translation_clears_stale_warnings(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/translation-stale")
    assert run(["validate", "--strict"], case, monkeypatch, capsys)[0] == 2
    before = (case / "decision_trees/t.nb.yml").read_text()
    code, _, err = run(["accept-translation", "decision_trees/t.nb.yml"], case, monkeypatch, capsys)
    assert code == 0 and "9 strings marked as reviewed" in err
    after = (case / "decision_trees/t.nb.yml").read_text()
    assert after.split("fingerprints:")[0] == before.split("fingerprints:")[0]  # text untouched
    assert run(["validate", "--strict"], case, monkeypatch, capsys)[0] == 0


def test_accept_translation_refuses_a_file_with_errors(copy_case, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    case = copy_case("invalid/translation-unknown-keys")
    before = (case / "decision_trees/t.nb.yml").read_text()
    code, out, err = run(
        ["accept-translation", "decision_trees/t.nb.yml"], case, monkeypatch, capsys
    )
    assert code == 1
    assert "[unknown-translation-key]" in out and "nothing was changed" in err
    assert (case / "decision_trees/t.nb.yml").read_text() == before


def test_rules_lists_every_rule(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generator.rules import RULES

    code, out, _ = run(["rules"], tmp_path, monkeypatch, capsys)
    assert code == 0
    for rule in RULES:
        assert f"{rule.ID} ({rule.LEVEL.value}, {rule.SCOPE})" in out


def test_schema_writes_three_files(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run(["schema", "--out", "s"], tmp_path, monkeypatch, capsys)
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "scenarios.schema.json",
        "translation.schema.json",
        "tree.schema.json",
    ]
