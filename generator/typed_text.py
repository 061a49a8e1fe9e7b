"""How a value was typed, in words a writer can act on: a plain value cut short by a
`#` comment, control, bidirectional and invisible characters in text, and ids with
invisible or look-alike characters (with the id to write instead)."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.characters import (
    BIDI_CONTROLS,
    describe,
    describe_lookalike,
    first_hidden_in_id,
    is_control,
    is_invisible,
    latin_lookalike,
)
from generator.model import Pos, Text
from generator.problems import Problem
from generator.rules import bidi_control, control_character, invisible_character, plain_comment
from generator.rules._textpos import offset_pos
from generator.yamlload import YScalar

# An id: lowercase ASCII letters and digits in words joined by single hyphens.
SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def slug_advice(value: str) -> str:
    """How to write `value` as an id, with a suggestion when one can be made."""
    hidden = first_hidden_in_id(value)
    if hidden is not None:
        return f"it contains {hidden[1]}; delete it{_write_as(value)}"
    lookalike = next((c for c in value if latin_lookalike(c)), None)
    if lookalike is not None:
        return f"it contains {describe_lookalike(lookalike)}; retype it{_write_as(value)}"
    return (
        "use lowercase ASCII letters, digits and single hyphens, starting with a letter"
        f"{_write_as(value)}"
    )


def _write_as(value: str) -> str:
    """': write it as 'x'' with the nearest valid id: look-alikes by their Latin letter,
    invisible characters dropped."""
    latin = "".join(
        "" if c in BIDI_CONTROLS or is_control(c) or is_invisible(c) else (latin_lookalike(c) or c)
        for c in value
    )
    suggestion = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
    if suggestion and not suggestion[0].isalpha():
        suggestion = "x-" + suggestion
    return f": write it as '{suggestion}'" if suggestion and SLUG.match(suggestion) else ""


def id_advice(text: Text) -> tuple[Pos, str]:
    """Where the first bad character of an id is, and how to write the id."""
    hidden = first_hidden_in_id(text.value)
    offset = (
        hidden[0]
        if hidden
        else next((i for i, c in enumerate(text.value) if latin_lookalike(c)), None)
    )
    pos = text.pos if offset is None else offset_pos(text, offset)
    return pos, slug_advice(text.value)


def hidden_character_problems(
    text: Text,
    hidden: list[tuple[int, str]],
    where: str,
    position: Callable[[int], Pos] | None = None,
) -> list[Problem]:
    """Control, bidirectional and invisible characters in writer text, each where it is
    (`position` maps an offset in the text to its place, when the text is not YAML's)."""
    problems = []
    for offset, char in hidden:
        pos = position(offset) if position else offset_pos(text, offset)
        if char in BIDI_CONTROLS:
            message = (
                f"{where} contains {describe(char)}, an invisible character that changes the "
                "order in which the text is shown; delete it"
            )
            problems.append(Problem.of(bidi_control, pos, message))
        elif is_control(char):
            message = f"{where} contains the control character {describe(char)}; delete it"
            problems.append(Problem.of(control_character, pos, message))
        else:
            message = (
                f"{where} contains the invisible character {describe(char)}; delete it "
                "unless it is meant"
            )
            problems.append(Problem.of(invisible_character, pos, message))
    return problems


def comment_problem(node: YScalar, where: str) -> Problem:
    """A '#' comment that cut a plain value short, with the value quoted as the fix."""
    assert node.comment is not None
    comment = node.comment
    full = f"{node.value} {comment.text}" if node.value else comment.text
    quoted = (
        f'"{full}"' if '"' not in full and "\\" not in full else "'" + full.replace("'", "''") + "'"
    )
    fix = f"{comment.key}: {quoted}" if comment.key is not None else f"- {quoted}"
    kept = f"only '{node.value}'" if node.value else "empty"
    message = (
        f"'#' after a space starts a comment, so {where} is {kept} and '{comment.text}' is "
        f"dropped; if it belongs to the text, put the whole value in quotes: {fix} "
        "(a comment goes on a line of its own)"
    )
    return Problem.of(plain_comment, comment.pos, message)
