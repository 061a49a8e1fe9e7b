"""Strict YAML loading that keeps every value's position.

PyYAML resolves types the YAML 1.1 way (`no` becomes False), silently keeps the last of
two duplicate keys, follows aliases and builds any tagged object. Writers need none of
that, so this module reads the parser's *events* and builds its own small tree of
mappings, sequences and scalars, every scalar kept as the text that was typed. Typing
is left to the schema, which knows where text is expected.

Reading events is iterative, so deep nesting cannot overflow the C stack the way
libyaml's composer does; sizes and depth are still capped before and during parsing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.characters import describe
from generator.model import Pos
from generator.problems import Problem, Rule
from generator.rules import (
    control_character,
    duplicate_key,
    empty_file,
    encoding,
    multi_document,
    syntax,
    too_deep,
    too_large,
    yaml_alias,
    yaml_anchor,
    yaml_merge,
    yaml_tag,
)

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

try:  # libyaml's parser when present: several times faster than the pure-Python one
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Comment:
    """A `#` comment right after a plain value on its line: often text cut off by mistake
    (`label: Press #1 key` is the label 'Press')."""

    pos: Pos
    text: str  # from the '#' to the end of the line
    key: str | None = None  # the key whose value it follows, None in a list


@dataclass(eq=False)
class YScalar:
    value: str
    pos: Pos
    plain: bool
    # Already reported (alias, tag, merge key): later checks skip it instead of piling on.
    flagged: bool = False
    # Where the scalar was typed in the file's text (`source`, shared, not copied): from
    # `start` (its quote or block header), content from `body`, up to `end`. Lets messages
    # point at a character inside a multi-line or quoted text.
    source: str = ""
    start: int = 0
    body: int = 0
    end: int = 0
    comment: Comment | None = None

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULLS


@dataclass(eq=False)
class YMap:
    pos: Pos
    items: dict[str, tuple[YScalar, YNode]] = field(default_factory=dict)
    flagged: bool = False


@dataclass(eq=False)
class YSeq:
    pos: Pos
    items: list[YNode] = field(default_factory=list)
    flagged: bool = False


YNode = YScalar | YMap | YSeq


@dataclass
class Loaded:
    root: YNode | None
    problems: list[Problem]


def _err(path: str, line: int, column: int, rule: Rule, message: str) -> Problem:
    return Problem(path, line, column, rule.LEVEL, rule.ID, message)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Lines:
    """Line and column of a character offset, counting lines the way editors do (YAML
    also breaks lines at U+2028, U+2029 and U+0085, which editors do not show)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def pos(self, index: int) -> Pos:
        line = bisect.bisect_right(self.starts, index)
        return Pos(self.path, line, index - self.starts[line - 1] + 1)


def decode_utf8(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without its BOM, or the line:col of the first byte that is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        byte = data[error.start]
        hint = " (this looks like UTF-16: save the file as UTF-8)" if b"\x00" in data[:4] else ""
        message = f"byte 0x{byte:02x} is not valid UTF-8{hint}; save the file with UTF-8 encoding"
        return None, [_err(path, line, column, encoding, message)]


_FLOW_TOKEN = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*|[\[\]{}]")


def _flow_depth_problem(text: str, path: str) -> Problem | None:
    """Flow nesting (`[[[...`) deeper than MAX_DEPTH, found before the parser sees it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None  # cannot be that deep: skip the scan on ordinary files
    depth = 0
    for match in _FLOW_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - text.rfind("\n", 0, match.start())
                return _err(path, line, column, too_deep, _too_deep_message())
        elif token in "]}":
            depth = max(0, depth - 1)
    return None


def _too_deep_message() -> str:
    return f"nested more than {MAX_DEPTH} levels deep; a tree never needs that: flatten it"


def load_yaml_bytes(data: bytes, path: str) -> Loaded:
    """Parse one YAML document strictly. Never raises for bad input."""
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 1024 / 1024:.1f} MiB"
        message = f"file is {size}, more than the {MAX_BYTES // 1024 // 1024} MiB limit; split it"
        return Loaded(None, [_err(path, 1, 1, too_large, message)])
    text, problems = decode_utf8(data, path)
    if text is None:
        return Loaded(None, problems)
    deep = _flow_depth_problem(text, path)
    if deep is not None:
        return Loaded(None, [deep])
    controls = _control_characters(text, path)
    if controls:
        return Loaded(None, controls)
    return _EventComposer(path, text).compose()


# What YAML refuses to read: C0 and C1 controls (but tab and line breaks), DEL,
# surrogates and U+FFFE/U+FFFF; and U+0085, U+2028, U+2029, which YAML reads as line
# breaks that editors do not show (a text containing one breaks the file's structure).
_NOT_YAML = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _control_characters(text: str, path: str) -> list[Problem]:
    """Every such character, each where it is (the parser names only the first, as an
    offset)."""
    if _NOT_YAML.search(text) is None:
        return []
    lines = Lines(path, text)
    problems = []
    for match in _NOT_YAML.finditer(text):
        char = match.group()
        if char in "\x85\u2028\u2029":
            message = f"{describe(char)} is a line break for YAML, but editors do not show it"
        else:
            message = f"the control character {describe(char)} is not allowed in a YAML file"
        message += "; delete it"
        problems.append(Problem.of(control_character, lines.pos(match.start()), message))
    return problems


class _EventComposer:
    """Builds YNodes from parser events, collecting problems instead of raising."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    def problem(self, pos: Pos, rule: Rule, message: str) -> None:
        self.problems.append(Problem.of(rule, pos, message))

    def pos(self, mark: Any) -> Pos:
        """Marks count from 0; ours from 1. (Marks also count U+2028, U+2029 and U+0085
        as line breaks, as editors do not; files with those never reach the parser.)"""
        if mark is None:
            return Pos(self.path, 1, 1)
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def compose(self) -> Loaded:
        text = self.text
        root: YNode | None = None
        # Each open collection with, for mappings, the key waiting for its value.
        stack: list[tuple[YMap | YSeq, YScalar | None]] = []
        documents = 0
        try:
            for event in yaml.parse(text, Loader=_Loader):
                kind = type(event)
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.problem(
                            self.pos(event.start_mark),
                            multi_document,
                            "a second YAML document starts here; keep one tree per file and "
                            "remove the '---' line",
                        )
                        break
                    continue
                if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                    continue
                if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    done, _ = stack.pop()
                    node: YNode = done
                else:
                    node_or_none = self._open(event, stack)
                    if node_or_none is None:
                        continue  # a collection was opened: its items come next
                    node = node_or_none
                if not stack:
                    root = node
                    continue
                parent, key = stack[-1]
                if isinstance(parent, YSeq):
                    parent.items.append(node)
                elif key is None:
                    stack[-1] = (parent, self._key(node, parent))
                else:
                    if isinstance(node, YScalar) and node.comment is not None:
                        node.comment = Comment(node.comment.pos, node.comment.text, key.value)
                    parent.items[key.value] = (key, node)
                    stack[-1] = (parent, None)
        except yaml.MarkedYAMLError as error:
            self.problem(*self._syntax_problem(error))
            return Loaded(None, self.problems)
        except yaml.YAMLError as error:
            # Only the reader raises without a mark, and _control_characters runs first.
            message = str(error).splitlines()[0]
            self.problem(Pos(self.path, 1, 1), syntax, f"YAML syntax: {message}")
            return Loaded(None, self.problems)
        except _TooDeep as error:
            self.problem(error.pos, too_deep, _too_deep_message())
            return Loaded(None, self.problems)
        if root is None and documents <= 1:
            self.problem(
                Pos(self.path, 1, 1),
                empty_file,
                "the file is empty; write the tree (see docs/tree-format.md) or delete the file",
            )
        return Loaded(root, self.problems)

    def _open(
        self, event: yaml.Event, stack: list[tuple[YMap | YSeq, YScalar | None]]
    ) -> YNode | None:
        pos = self.pos(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                pos,
                yaml_alias,
                f"alias '*{event.anchor}' repeats text from elsewhere; write the text out in full",
            )
            return YScalar("", pos, plain=True, flagged=True)
        assert isinstance(event, yaml.NodeEvent)
        if event.anchor is not None:
            self.problem(pos, yaml_anchor, f"anchor '&{event.anchor}' is not allowed; remove it")
        tag = getattr(event, "tag", None)
        flagged = tag is not None and tag != "!"
        if flagged:
            self.problem(
                pos,
                yaml_tag,
                f"tag '{tag}' is not allowed; remove it (put text in quotes if it must stay text)",
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, pos, flagged)
        if len(stack) >= MAX_DEPTH:
            raise _TooDeep(pos)
        collection: YMap | YSeq = (
            YMap(pos) if isinstance(event, yaml.MappingStartEvent) else YSeq(pos)
        )
        collection.flagged = flagged
        stack.append((collection, None))
        return None

    def _scalar(self, event: yaml.ScalarEvent, pos: Pos, flagged: bool) -> YScalar:
        start_mark, end_mark = event.start_mark, event.end_mark
        if start_mark is None or end_mark is None:  # pragma: no cover - parsers always mark
            return YScalar(event.value, pos, not event.style, flagged)
        start, end = start_mark.index, end_mark.index
        # libyaml reports plain scalars with style '' (the pure-Python parser: None)
        plain = not event.style
        if event.style in ('"', "'"):
            body = start + 1
        elif event.style in ("|", ">"):
            header_end = _LINE_BREAK.search(self.text, start, end)
            body = header_end.end() if header_end else end
        else:
            body = start
        comment = None
        if plain:
            after = _TRAILING_COMMENT.match(self.text, end)
            if after is not None:
                # On the line where the value ends: columns move on by characters.
                column = end_mark.column + 1 + after.start(1) - end
                where = Pos(self.path, end_mark.line + 1, column)
                comment = Comment(where, after.group(1).rstrip())
        return YScalar(event.value, pos, plain, flagged, self.text, start, body, end, comment)

    def _key(self, node: YNode, parent: YMap) -> YScalar:
        if not isinstance(node, YScalar):
            self.problem(node.pos, syntax, "a key must be plain text, not a list or mapping")
            return YScalar(f"\0{id(node)}", node.pos, plain=False)
        if node.plain and node.value == "<<":
            self.problem(
                node.pos,
                yaml_merge,
                "merge key '<<' copies another mapping; write the keys out in full",
            )
            return YScalar(f"\0merge{id(node)}", node.pos, plain=False)
        elif node.value in parent.items:
            first = parent.items[node.value][0].pos
            self.problem(
                node.pos,
                duplicate_key,
                f"key '{node.value}' is already set on line {first.line}; "
                "keep one of the two (YAML would silently use only the last)",
            )
            # Keep the first and drop this one: its value is stored under a key no check reads.
            return YScalar(f"\0dup{id(node)}", node.pos, plain=False)
        return node

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> tuple[Pos, Rule, str]:
        """Where and what, in words a writer can act on."""
        text = self.text
        mark = error.problem_mark or error.context_mark
        pos = self.pos(mark)
        description = (error.problem or str(error)).splitlines()[0]
        context = error.context_mark
        if "end of stream" in description and error.context and context is not None:
            # An unclosed quote or bracket: point at where it was opened, not the file's end.
            opened = error.context.removeprefix("while scanning a ").removeprefix(
                "while parsing a "
            )
            thing, closer = _UNCLOSED.get(opened, (opened, "its end"))
            return (
                self.pos(context),
                syntax,
                f"YAML syntax: the {thing} that starts here is never closed; add {closer}",
            )
        hint = ""
        offending = text[mark.index] if mark is not None and mark.index < len(text) else ""
        if offending == "\t":
            hint = "; indent with spaces, not tabs"
        elif "mapping values are not allowed" in description:
            hint = "; a value that contains ': ' must be put in quotes"
        elif "could not find expected ':'" in description:
            hint = "; every key needs a ':' after it"
        return pos, syntax, f"YAML syntax: {description}{hint}"


class _TooDeep(Exception):
    def __init__(self, pos: Pos) -> None:
        self.pos = pos


_UNCLOSED = {
    "quoted scalar": ("quoted text", "the closing quote"),
    "flow sequence": ("list in [ ]", "the closing ']'"),
    "flow mapping": ("mapping in { }", "the closing '}'"),
}


_TRAILING_COMMENT = re.compile(r"[ \t]+(#[^\r\n]*)")
