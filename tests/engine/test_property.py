"""Whatever YAML a writer produces, validation returns problems and never raises."""

from __future__ import annotations

import string
import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import ProjectConfig
from generator.model import Pos
from generator.problems import Level, Problem
from generator.project import load_project
from generator.yamlload import load_yaml_bytes

KEYS = st.sampled_from(
    ["id", "title", "summary", "start", "nodes", "question", "options", "outcome", "body",
     "label", "next", "links", "articles", "url", "help", "draft", "a", "no", "<<"]
)  # fmt: skip
# What a careless writer or an attacker may type: line breaks of every kind, controls,
# bidirectional and invisible characters, comments, look-alike letters.
HOSTILE = "\n\r\t\x00\x01\x1b\x7f\x85\x9b\u2028\u2029\u202e\u2066\u200b\u200d\ufeff\u00ad#:аο"
SCALARS = st.one_of(
    st.text(alphabet=string.printable + "åøæ«»", max_size=20),
    st.text(alphabet=string.ascii_lowercase + "- " + HOSTILE, max_size=20),
    st.sampled_from(["yes", "no", "~", "010", "12:30", "true", "null", "&a x", "*a", "!!str x"]),
    st.integers(),
    st.booleans(),
    st.none(),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_generated_documents_never_raise(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    load_yaml_bytes(text.encode(), "gen.yml")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(DOCUMENTS, st.sampled_from(["t.yml", "t.nb.yml", "t.scenarios.yml"]))
def test_generated_trees_give_problems_not_exceptions(
    tmp_path: Path, document: object, name: str
) -> None:
    folder = tmp_path / "decision_trees"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "t.yml").write_text("id: t\ntitle: T\nsummary: S\nstart: a\nnodes: {}\n")
    (folder / name).write_text(yaml.safe_dump(document, allow_unicode=True))
    project = load_project(
        ProjectConfig.for_directory(tmp_path, ["en", "nb"]), relative_to=tmp_path
    )
    assert all(p.line >= 1 and p.column >= 1 for p in project.problems)
    assert_one_line_each(project.problems)


def assert_one_line_each(problems: list[Problem]) -> None:
    """No message (nor path) contains a line break or any control character."""
    for problem in problems:
        shown = str(problem)
        assert len(shown.splitlines()) == 1, shown
        bad = [c for c in shown if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs")]
        assert bad == [], shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.ascii_letters + " :-#'\"[]{}\\" + HOSTILE, max_size=200))
def test_hostile_text_gives_one_line_messages(text: str) -> None:
    loaded = load_yaml_bytes(text.encode("utf-8", "surrogatepass"), "h.yml")
    assert_one_line_each(loaded.problems)
    assert all(p.line >= 1 and p.column >= 1 for p in loaded.problems)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_a_problem_is_one_line_whatever_it_quotes(path: str, message: str) -> None:
    assert_one_line_each([Problem.at(Pos(path, 1, 1), Level.ERROR, "schema", message)])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    loaded = load_yaml_bytes(data, "bytes.yml")
    assert loaded.root is not None or loaded.problems
    assert_one_line_each(loaded.problems)


WORDS = st.text(alphabet=string.ascii_lowercase + "- " + HOSTILE, min_size=1, max_size=12)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, min_size=6, max_size=6), st.booleans())
def test_hostile_ids_and_text_in_a_whole_tree_give_one_line_messages(
    tmp_path: Path, words: list[str], typed_raw: bool
) -> None:
    """The strings go where ids and writer text go, as escapes or typed as they are."""
    folder = tmp_path / "decision_trees"
    folder.mkdir(exist_ok=True)
    tree = {
        "id": "t", "title": words[0], "summary": words[1], "start": "a",
        "nodes": {
            "a": {"question": words[2], "options": [
                {"id": words[3], "label": words[4], "next": words[5]},
                {"id": "b", "label": "B", "next": "end"},
            ]},
            words[5]: {"outcome": "solved", "title": words[4], "body": words[2]},
            "end": {"outcome": "solved", "title": "End", "body": "Done."},
        },
    }  # fmt: skip
    text = yaml.safe_dump(tree, allow_unicode=True)
    if typed_raw:  # plain scalars with the characters themselves, as a careless paste
        text = "\n".join(
            line
            if ": " not in line
            else line.split(": ", 1)[0]
            + ": "
            + " ".join(w for w in words if w.strip() and "\n" not in w)[:40]
            for line in text.splitlines()
        )
    (folder / "t.yml").write_bytes(text.encode("utf-8", "surrogatepass"))
    project = load_project(ProjectConfig.for_directory(tmp_path), relative_to=tmp_path)
    assert_one_line_each(project.problems)
