"""The command-line contract other tools and CI rely on."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from casekit import CASES

from generator.cli import main

CopyCase = Callable[[str], Path]


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
    assert out == "nope.yml:1:1: error: no such file or folder; check the path [unreadable-file]\n"


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


# `validate PATH`: the file given, wherever it is, by its kind.

EQUIVALENT = [
    ("invalid/dangling-next", "decision_trees/t.yml"),
    ("invalid/translation-unknown-keys", "decision_trees/t.nb.yml"),
    ("invalid/scenario-schema", "decision_trees/t.scenarios.yml"),
    ("invalid/article-anchors", "content/a.nb.md"),
]


@pytest.mark.parametrize(("name", "file"), EQUIVALENT, ids=[e[0] for e in EQUIVALENT])
def test_a_file_gets_what_a_whole_project_run_reports_for_it(
    name: str,
    file: str,
    copy_case: CopyCase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    case = copy_case(name)
    expected = [line for line in (case / "expected.txt").read_text().splitlines() if file in line]
    assert expected
    whole = run(["validate"], case, monkeypatch, capsys)[1].splitlines()
    assert [line for line in whole if line.startswith(file)] == expected
    code, out, _ = run(["validate", file], case, monkeypatch, capsys)
    assert (code, out.splitlines()) == (1, expected)
    # The same file outside the project's folders: checked as if it were in its place.
    outside = tmp_path / "review"
    outside.mkdir()
    shutil.copy(case / file, outside)
    shown = f"../review/{Path(file).name}"
    code, out, _ = run(["validate", shown], case, monkeypatch, capsys)
    assert (code, out.splitlines()) == (1, [line.replace(file, shown, 1) for line in expected])


def test_a_file_in_a_project_without_mkdocs_yml_from_another_folder(
    copy_case: CopyCase, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = copy_case("invalid/dangling-next")
    code, out, _ = run(["validate", "t.yml"], case / "decision_trees", monkeypatch, capsys)
    assert code == 1
    assert out.splitlines() == [
        line.replace("decision_trees/", "", 1)
        for line in (case / "expected.txt").read_text().splitlines()
    ]


def test_a_folder_outside_the_project_is_checked_file_by_file(
    copy_case: CopyCase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    case = copy_case("invalid/translation-unknown-keys")
    outside = tmp_path / "returned"
    outside.mkdir()
    shutil.copy(case / "decision_trees/t.nb.yml", outside / "t.nb.yml")
    shutil.copy(case / "decision_trees/t.nb.yml", outside / "tt.nb.yml")
    code, out, _ = run(["validate", "../returned"], case, monkeypatch, capsys)
    assert code == 1
    assert out.splitlines() == [
        "../returned/t.nb.yml:5:3: warning: 'shipped.options.not-shipped' is not translated "
        "into Norwegian Bokmål (nb); add it under nodes: shipped: options: not-shipped: "
        "[missing-translation]",
        "../returned/t.nb.yml:9:7: error: the tree has no text 'shipped.options.not-shiped' "
        "to translate; did you mean 'shipped.options.not-shipped'? [unknown-translation-key]",
        "../returned/t.nb.yml:13:3: error: the tree has no node 'cancle'; did you mean "
        "'cancel'? [unknown-translation-key]",
        "../returned/tt.nb.yml:1:1: error: there is no tree 'tt' for this file; did you mean "
        "'t'? [unknown-tree]",
    ]


NAMES = "<tree-id>.yml, <tree-id>.<language>.yml, <tree-id>.scenarios.yml or <page>.md"
CANNOT = [
    (
        ["validate", "nope.yml"],
        "nope.yml:1:1: error: no such file or folder; check the path [unreadable-file]",
    ),
    (
        ["validate", "../elsewhere/notes.txt"],
        "../elsewhere/notes.txt:1:1: error: cannot tell what this file is: name it "
        f"{NAMES}, or give --kind [unreadable-file]",
    ),
    (
        ["validate", "--kind", "translation", "../elsewhere/notes.txt"],
        "../elsewhere/notes.txt:1:1: error: cannot tell which tree and language this "
        "translation file is for; name it <tree-id>.<language>.yml [unreadable-file]",
    ),
    (
        ["validate", "../elsewhere/empty"],
        "../elsewhere/empty:1:1: error: there is nothing to check in this folder: no tree, "
        "translation, scenario file or article; give the project folder, a file, or a "
        f"folder with {NAMES} files [unreadable-file]",
    ),
    (
        ["validate", "decision_trees/notes.txt"],
        "decision_trees/notes.txt:1:1: error: helpcenter does not read this file: in "
        "decision_trees/ it reads <tree-id>.yml, <tree-id>.<language>.yml, "
        "<tree-id>.scenarios.yml files; rename it if it is one of them [unreadable-file]",
    ),
    (
        ["validate", "content/logo.png"],
        "content/logo.png:1:1: error: helpcenter does not check this file: in content/ it "
        "checks .md articles, and other files are published as they are [unreadable-file]",
    ),
    (
        ["validate", "--kind", "article", "decision_trees/t.yml"],
        "decision_trees/t.yml:1:1: error: the project reads this file as a tree, not as a "
        "article; leave out --kind, or rename or move the file [unreadable-file]",
    ),
]


@pytest.mark.parametrize(("args", "expected"), CANNOT, ids=[" ".join(c[0]) for c in CANNOT])
def test_a_path_that_cannot_be_checked_is_an_error_that_says_why(
    args: list[str],
    expected: str,
    copy_case: CopyCase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    case = copy_case("valid/translated-project")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "empty").mkdir(parents=True)
    (elsewhere / "notes.txt").write_text("id: t\n")
    (case / "decision_trees/notes.txt").write_text("id: t\n")
    (case / "content/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run(args, case, monkeypatch, capsys)
    assert (code, out) == (1, expected + "\n")
    assert "no problems found" not in err


def test_kind_reads_a_file_whose_name_does_not_say(
    copy_case: CopyCase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    case = copy_case("valid/translated-project")
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"\x89PNG\r\n\x1a\n")
    code, out, _ = run(["validate", "--kind", "tree", str(draft)], case, monkeypatch, capsys)
    assert code == 1
    assert out.startswith(f"{os.path.relpath(draft, case)}:1:1: error: ")


def test_files_that_look_like_trees_or_articles_but_are_not_read(
    copy_case: CopyCase, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = copy_case("invalid/hostile-path-unread-files")
    expected = (case / "expected.txt").read_text()
    assert run(["validate"], case, monkeypatch, capsys)[1] == expected
    for line in expected.splitlines():
        path = line.split(":", 1)[0]
        assert run(["validate", path], case, monkeypatch, capsys)[1] == line + "\n"


CONTACT_URLS = [
    ('"HTTPS://example.com/contact?topic={subject}"', None),
    ('"contact.md#phone"', None),
    (
        '"javascript:alert(1)"',
        "uses 'javascript:'; only http, https, mailto, tel and relative links are allowed",
    ),
    (
        r'"\x01javascript:alert(1)"',
        "uses 'javascript:'; only http, https, mailto, tel and relative links are allowed",
    ),
    (
        '"jav&#X61;script:alert(1)"',
        "uses 'javascript:'; only http, https, mailto, tel and relative links are allowed",
    ),
    ('"//evil.example"', "starts with '//'; write the full https:// address"),
]


@pytest.mark.parametrize(("value", "reason"), CONTACT_URLS, ids=[c[0] for c in CONTACT_URLS])
def test_contact_url_is_checked_by_validate(
    value: str,
    reason: str | None,
    copy_case: CopyCase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = copy_case("valid/translated-project")
    settings = case / "mkdocs.yml"
    text = settings.read_text().replace(
        "  - helpcenter\n", f"  - helpcenter:\n      contact_url: {value}\n"
    )
    settings.write_text(text)
    for args in (["validate"], ["validate", "mkdocs.yml"]):
        code, out, _ = run(args, case, monkeypatch, capsys)
        if reason is None:
            assert (code, out) == (0, "")
        else:
            assert (code, out) == (
                1,
                f"mkdocs.yml:9:20: error: the helpcenter plugin's contact_url {reason} "
                "[unsafe-config-url]\n",
            )


def test_kind_without_a_path_is_refused(
    copy_case: CopyCase, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = copy_case("valid/translated-project")
    code, out, err = run(["validate", "--kind", "tree"], case, monkeypatch, capsys)
    assert (code, out, err) == (
        1,
        "",
        "helpcenter: --kind applies to the PATHs given; name a file\n",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"site_name: x\nplugins:\n  - helpcenter: [\n",
            "mkdocs.yml:4:1: error: cannot read it: expected the node content, but found "
            "'<stream end>'; fix the YAML here [syntax]",
        ),
        (
            b"site_name: caf\xe9\n",
            "mkdocs.yml:1:15: error: this file is not UTF-8; save it as UTF-8 [encoding]",
        ),
        (  # the column counts characters: "é" is two bytes
            b"site_name: \xc3\xa9t\xe9\n",
            "mkdocs.yml:1:14: error: this file is not UTF-8; save it as UTF-8 [encoding]",
        ),
        (
            b"- a list\n",
            "mkdocs.yml:1:1: error: expected a mapping of settings (name: value lines) [schema]",
        ),
    ],
    ids=["syntax", "encoding", "encoding-after-multibyte", "not-a-mapping"],
)
def test_an_unreadable_mkdocs_yml_is_a_problem_at_its_line(
    content: bytes,
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "mkdocs.yml").write_bytes(content)
    code, out, _ = run(["validate"], tmp_path, monkeypatch, capsys)
    assert (code, out) == (1, expected + "\n")
