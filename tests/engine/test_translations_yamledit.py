"""Text-level YAML edits: any text written into an overlay reads back exactly, and
nothing else in the file changes."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.translations.yamledit import set_value

OVERLAY = """\
# comment kept
title: Tittel  # a comment after the value
nodes:
  a:
    question: 'Spørsmål'
    body: |
      Linje én

      Linje to
    options:
      x: "X"
  b:
    title: B
"""

TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\r\x85\u2028\u2029\ufeff"),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(
    value=TEXT,
    where=st.sampled_from(
        [
            ("title",),
            ("nodes", "a", "question"),
            ("nodes", "a", "body"),
            ("nodes", "a", "options", "x"),
            ("nodes", "a", "options", "y"),
            ("nodes", "c", "title"),
            ("summary",),
        ]
    ),
)
def test_any_text_reads_back_and_the_rest_is_kept(value: str, where: tuple[str, ...]) -> None:
    edited = set_value(OVERLAY, where, value)
    data = yaml.safe_load(edited)
    node = data
    for key in where:
        node = node[key]
    assert node == value
    before = yaml.safe_load(OVERLAY)
    for path in [
        ("title",),
        ("nodes", "a", "question"),
        ("nodes", "a", "body"),
        ("nodes", "b", "title"),
    ]:
        if path != where:
            a, b = before, data
            for key in path:
                a, b = a[key], b[key]
            assert a == b
    assert edited.startswith("# comment kept\n")
