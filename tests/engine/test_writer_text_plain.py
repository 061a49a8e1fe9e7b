"""Plain writer text skips the Markdown parser; it must render exactly as the parser would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import writer_text
from generator.writer_text import render_inline

ALPHABET = "aZ9_ ,.;:?!'\"()/%+-*`[]<>&#\\ăđøū\u200b\u202e\n\t"


def parsed(text: str, links: bool = True) -> str:
    """What the Markdown parser makes of `text`, without the plain-text shortcut."""
    text = " ".join(text.split())
    result = writer_text._convert(text, writer_text._no_articles, block=False, links=links)
    if result.startswith("<p>") and result.endswith("</p>"):
        result = result[3:-4]
    return result


@settings(max_examples=400)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_plain_text_renders_as_the_parser_would(text: str) -> None:
    assert str(render_inline(text)) == parsed(text)


def test_the_shortcut_takes_ordinary_sentences() -> None:
    for text in [
        "Can you see the order in Order history?",
        "Đơn hàng (đã hủy) - 50% off/ngày: ok!",
    ]:
        assert writer_text._PLAIN_INLINE.fullmatch(text)
        assert str(render_inline(text)) == parsed(text)


def test_markdown_and_lists_still_go_through_the_parser() -> None:
    for text in ["1. first", "a *b*", "a_b_", "# title", "a & b", "x <y>", "- item", "a\u200bb"]:
        assert not writer_text._PLAIN_INLINE.fullmatch(" ".join(text.split()))
