"""Whatever YAML a writer produces, validation returns problems and never raises."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import ProjectConfig
from generator.project import load_project
from generator.yamlload import load_yaml_bytes

KEYS = st.sampled_from(
    ["id", "title", "summary", "start", "nodes", "question", "options", "outcome", "body",
     "label", "next", "links", "articles", "url", "help", "draft", "a", "no", "<<"]
)  # fmt: skip
SCALARS = st.one_of(
    st.text(alphabet=string.printable + "åøæ«»", max_size=20),
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


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    loaded = load_yaml_bytes(data, "bytes.yml")
    assert loaded.root is not None or loaded.problems
