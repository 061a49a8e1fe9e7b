"""The map picture's boxes wrap their text as textwrap does, by a quicker path."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.map_svg import WRAP, _wrap

WORDS = st.sampled_from(
    ["a", "konto", "bestilling", "tài", "khoản", "đơn", "e-post", "x" * 27, "y" * 28, "z" * 29,
     "Why?", "(if", "any).", "—", "--", "it's", "a/b", "50%", "…", "ok,", "self-service"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(WORDS, max_size=14))
def test_wraps_as_textwrap_does(words: list[str]) -> None:
    text = " ".join(words)
    assert _wrap(text) == textwrap.wrap(text, WRAP)
