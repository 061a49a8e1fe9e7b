"""Simple outcome bodies skip the Markdown parser (generator.simple_markdown); they must
render exactly as the parser renders them, and anything else must go to the parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import writer_text
from generator.sanitize import clean_writer_text
from generator.simple_markdown import simple_block
from generator.writer_text import render_block


def parsed(text: str) -> str:
    """What the parser makes of `text`, before the sanitizer (which both paths share)."""
    writer_text._convert("", writer_text._no_articles, block=True, links=True)
    return writer_text._CONVERTERS[(True, True)].reset().convert(text)


def agrees(text: str) -> None:
    simple = simple_block(text)
    assert simple is None or simple == parsed(text), text


WORDS = st.sampled_from(
    ["Open", "the", "app", "Settings", "24", "hours", "Tài", "khoản", "(if", "any)", "it's",
     '"Orders"', "A & B", "x&y", "ăđø", "50%", "and/or", "e.g.", "Q:", "ok!"]
)  # fmt: skip
# What may break the shortcut's assumptions, inserted anywhere.
HOSTILE = st.sampled_from(
    ["*", "**", "***", "_", "__", "`", "\\", "[", "]", "<", ">", "#", "> ", "=", "===", "---",
     "|", "&amp;", "&copy;", "&#12;", "&x;", "  ", " ", "\t", "\r", "\u00a0", "\u200b",
     "\n", "\n\n", "\n\n\n", "\n   ", "\n    ", "\n     ", "\n1. ", "\n3. ", "\n- ", "\n* ",
     "1. ", "0. ", "01. ", " 1. ", "- ", "+ ", "* ", "!", "~", "{", "}", ":"]
)  # fmt: skip


@st.composite
def lines(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=1, max_size=6))
    if draw(st.booleans()):
        index = draw(st.integers(0, len(words) - 1))
        words[index] = f"**{words[index]}**"
    line = " ".join(words) + draw(st.sampled_from(["", ".", "?", "!"]))
    continuation = draw(st.sampled_from(["", "", "\n   and then **this**", "\ncont", "\n  more"]))
    return line + continuation


@st.composite
def blocks(draw: st.DrawFn) -> str:
    count = draw(st.integers(1, 4))
    kind = draw(st.sampled_from(["p", "ol", "ul"]))
    items = [draw(lines()) for _ in range(count)]
    if kind == "ol":
        numbers = draw(st.sampled_from([range(1, 9), range(1, 9), range(2, 9), [1, 1, 1, 1]]))
        return "\n".join(f"{n}. {item}" for n, item in zip(numbers, items, strict=False))
    if kind == "ul":
        marker = draw(st.sampled_from("-*+"))
        return "\n".join(f"{marker} {item}" for item in items)
    return "\n".join(items)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n\n\n"]))
    text = separator.join(draw(st.lists(blocks(), min_size=1, max_size=4)))
    text += draw(st.sampled_from(["", "\n", "\n\n"]))
    for _ in range(draw(st.integers(0, 2))):
        index = draw(st.integers(0, len(text)))
        text = text[:index] + draw(HOSTILE) + text[index:]
    return text


@settings(max_examples=600)
@given(bodies())
def test_bodies_render_as_the_parser_renders_them(text: str) -> None:
    agrees(text)


@settings(max_examples=400)
@given(st.text(alphabet="aZ9 .,&;#*_-+=>`[]\\<\n\t\u00a01", max_size=40))
def test_any_text_renders_as_the_parser_renders_it(text: str) -> None:
    agrees(text)


def test_ordinary_bodies_take_the_shortcut() -> None:
    for text in [
        "Your refund is on its way.\n",
        "In your country you may get money back & more.\n\n1. Go to **Services & "
        "subscriptions**, select **Manage**.\n2. Follow the steps on the page\n   to the end.\n",
        "- Đơn hàng (đã hủy): 50% off\n- ok!\n\nAsk us.",
    ]:
        assert simple_block(text) is not None, text
        agrees(text)
        assert str(render_block(text)) == clean_writer_text(parsed(text))


def test_markdown_beyond_it_goes_to_the_parser() -> None:
    for text in [
        "See [the guide](guide.md).",  # links are resolved by the parser's link policy
        "a *b*",
        "a_b_",
        "# Title",
        "Title\n===",
        "3. third",  # a list starting at 3 has a start attribute
        "1. a\n\n2. b",  # a loose list
        "1. a\n- b",
        "Text\n1. item",
        "> quote",
        "    code",
        "line  \nbreak",
        "&copy; 2024",
        "x <y>",
        "a\u200bb",
        "a\tb",
    ]:
        assert simple_block(text) is None, text
