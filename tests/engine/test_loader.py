"""The strict loader on inputs that are awkward to keep as files in cases/."""

from __future__ import annotations

from pathlib import Path

import pytest
from casekit import CASES, config_for, problems_for

from generator.characters import hidden_characters
from generator.config import ProjectConfig
from generator.model import Outcome, Question
from generator.problems import Level, Problem
from generator.project import load_project
from generator.suggest import did_you_mean
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


def test_a_message_is_one_line_whatever_it_quotes() -> None:
    problem = Problem("a\nb.yml", 1, 1, Level.ERROR, "schema", "x\u2028y\u202ez\tw\x01")
    assert str(problem) == r"a\nb.yml:1:1: error: x\u2028y\u202ez\tw\x01 [schema]"


def test_a_translation_is_checked_for_hidden_characters_and_cut_text(tmp_path: Path) -> None:
    trees = tmp_path / "decision_trees"
    trees.mkdir()
    (trees / "t.yml").write_text(
        "id: t\ntitle: T\nsummary: S\nstart: a\nnodes:\n"
        "  a: {outcome: solved, title: Done, body: Nothing to do.}\n"
    )
    (trees / "t.nb.yml").write_text(
        'title: "Refusjon \u202e4321"\n'
        "nodes:\n"
        "  a:\n"
        "    title: Ferdig # nummer 1\n"
        "    body: |\n"
        "      Ingenting\n"
        "      \u00e5 gj\u00f8re\u200b.\n",
        encoding="utf-8",
    )
    config = ProjectConfig.for_directory(tmp_path, ["en", "nb"])
    problems = load_project(config, relative_to=tmp_path).problems
    shown = [str(p) for p in problems if p.rule not in ("stale-translation", "missing-translation")]
    assert shown == [
        "decision_trees/t.nb.yml:1:18: error: 'title' of the translation contains U+202E "
        "RIGHT-TO-LEFT OVERRIDE, an invisible character that changes the order in which the "
        "text is shown; delete it [bidi-control]",
        "decision_trees/t.nb.yml:4:19: warning: '#' after a space starts a comment, so 'title' "
        "of node 'a' is only 'Ferdig' and '# nummer 1' is dropped; if it belongs to the text, "
        'put the whole value in quotes: title: "Ferdig # nummer 1" (a comment goes on a line '
        "of its own) [plain-comment]",
        "decision_trees/t.nb.yml:7:14: warning: 'body' of node 'a' contains the invisible "
        "character U+200B ZERO WIDTH SPACE; delete it unless it is meant [invisible-character]",
    ]


def test_suggestions_never_look_the_same_as_what_was_typed() -> None:
    assert did_you_mean("send-bak", ["send-back", "cancel"]) == "; did you mean 'send-back'?"
    assert did_you_mean("c\u0430ncel", ["cancel", "cancel-order"]) == (
        "; it looks like 'cancel' but it contains the Cyrillic letter '\u0430' (U+0430), "
        "which looks like the Latin 'a'; retype it"
    )
    assert did_you_mean("cancel", ["c\u200bancel"]) == (
        "; it looks like 'c\u200bancel' but 'c\u200bancel' contains the invisible character "
        "U+200B ZERO WIDTH SPACE; delete it"
    )


def test_zero_width_joiners_inside_emoji_are_text() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert hidden_characters(f"Family {family}") == []
    assert hidden_characters("a\u200db") == [(1, "\u200d")]


def test_positions_count_lines_as_editors_do() -> None:
    # A NEL inside quotes is a line break for YAML, not for editors: reported where it is.
    loaded = load_yaml_bytes('a: "x\u0085"\nb: [\n'.encode(), "f.yml")
    assert [(p.line, p.column, p.rule) for p in loaded.problems] == [(1, 6, "control-character")]
