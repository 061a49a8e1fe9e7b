"""The strict loader on inputs that are awkward to keep as files in cases/."""

from __future__ import annotations

from pathlib import Path

import pytest
from casekit import CASES, config_for, problems_for

from generator.model import Outcome, Question
from generator.project import load_project
from generator.yamlload import MAX_BYTES, YMap, YScalar, load_yaml_bytes


def test_a_file_over_the_size_cap_is_refused_before_parsing() -> None:
    data = b"x: " + b"a" * MAX_BYTES
    loaded = load_yaml_bytes(data, "big.yml")
    assert loaded.root is None
    assert [str(p) for p in loaded.problems] == [
        "big.yml:1:1: error: file is 8.0 MiB, more than the 8 MiB limit; split it [too-large]"
    ]


def test_two_hundred_kilobytes_of_brackets_is_a_message_not_a_crash() -> None:
    loaded = load_yaml_bytes(b"[" * 200_000, "deep.yml")
    assert [(p.line, p.column, p.rule) for p in loaded.problems] == [(1, 65, "too-deep")]


def test_yaml_1_1_words_stay_the_text_the_writer_typed() -> None:
    case = CASES / "valid" / "yaml11-words-stay-text"
    tree = load_project(config_for(case), relative_to=case).trees["t"]
    question = tree.nodes["shipped"]
    assert isinstance(question, Question)
    assert [(o.id, o.label.value) for o in question.options] == [
        ("yes-shipped", "It has shipped"),
        ("no", "no"),
    ]
    cancel = tree.nodes["cancel"]
    assert isinstance(cancel, Outcome)
    assert (cancel.title.value, cancel.body.value) == ("12:30", "010")


def test_norwegian_no_as_a_key_stays_a_string() -> None:
    loaded = load_yaml_bytes("no: nei\nyes: ja\non: på\n".encode(), "nb.yml")
    assert isinstance(loaded.root, YMap)
    assert list(loaded.root.items) == ["no", "yes", "on"]
    value = loaded.root.items["no"][1]
    assert isinstance(value, YScalar) and value.value == "nei"


def test_every_value_keeps_line_and_column_in_characters() -> None:
    loaded = load_yaml_bytes("tittel: Ærlig talt\nsvar: «ja»: nei\n".encode(), "f.yml")
    assert [(p.line, p.column, p.rule) for p in loaded.problems] == [(2, 11, "syntax")]


def test_a_bad_byte_is_reported_as_line_and_character_column() -> None:
    data = "a: å\nb: ø\n".encode() + b"c: \xe6\n"
    loaded = load_yaml_bytes(data, "f.yml")
    assert [(p.line, p.column, p.rule) for p in loaded.problems] == [(3, 4, "encoding")]


def test_a_symlink_out_of_the_project_is_an_error(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret\n")
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "content" / "index.md").write_text("# Home\n")
    (project / "content" / "leak.md").symlink_to(outside)
    problems = problems_for(project)
    assert [str(p) for p in problems] == [
        f"content/leak.md:1:1: error: this is a link to {outside.resolve()}, outside the project; "
        "its content would be published. Replace the link with a real file [symlink-outside]"
    ]


def test_an_unreadable_tree_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "decision_trees").mkdir()
    (tmp_path / "decision_trees" / "t.yml").symlink_to(tmp_path / "missing.yml")
    problems = problems_for(tmp_path)
    assert [(p.path, p.rule) for p in problems] == [("decision_trees/t.yml", "unreadable-file")]


def test_a_bug_in_a_check_names_the_file_instead_of_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import generator.project

    def broken(*args: object) -> None:
        raise KeyError("boom")

    # Simulate a bug in helpcenter's own code (not in MkDocs or the file) to show the net.
    monkeypatch.setattr(generator.project, "build_tree", broken)
    case = CASES / "valid" / "bom-and-crlf"
    assert [str(p) for p in problems_for(case)] == [
        "decision_trees/t.yml:1:1: error: helpcenter failed while reading this file "
        "(KeyError: 'boom'); this is a bug in helpcenter: please report it with the file "
        "[internal-error]"
    ]
