"""Text-level edits of a YAML file of nested mappings (a tree's overlay, a locale file):
replace one string, or add one where it is missing, and leave every other byte (order,
comments, quoting, blank lines) as the writer left it.

Positions come from PyYAML's pure-Python parser events, whose marks count characters.
Callers re-read the result to check that it says what they meant."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

Path_ = tuple[str, ...]


class EditError(Exception):
    """The file has a shape these edits do not handle (flow mappings, sequences)."""


@dataclass
class _Span:
    start: int
    end: int  # after the value, trailing line breaks of a block scalar excluded


@dataclass
class _Mapping:
    key_column: int = -1  # column (from 0) of its keys; -1 when it has none yet
    last_end: int = 0  # end of the last value inside it


@dataclass
class _Layout:
    scalars: dict[Path_, _Span] = field(default_factory=dict)
    mappings: dict[Path_, _Mapping] = field(default_factory=dict)


def _layout(text: str) -> _Layout:
    layout = _Layout()
    # Each open mapping: its path, and the key waiting for its value (None: expecting a key).
    stack: list[tuple[Path_, str | None]] = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.MappingStartEvent):
            if event.flow_style:
                raise EditError("flow-style mappings ({...}) are not edited automatically")
            path = _child_path(stack)
            layout.mappings[path] = _Mapping()
            stack.append((path, None))
        elif isinstance(event, yaml.MappingEndEvent):
            stack.pop()
            _value_done(stack)
        elif isinstance(event, yaml.ScalarEvent):
            if not stack:
                continue
            path, key = stack[-1]
            assert (
                event.start_mark is not None and event.end_mark is not None
            )  # the parser sets both
            if key is None:
                stack[-1] = (path, event.value)
                mapping = layout.mappings[path]
                if mapping.key_column < 0:
                    mapping.key_column = event.start_mark.column
                continue
            start, end = event.start_mark.index, event.end_mark.index
            if event.style in ("|", ">"):
                end = len(text[start:end].rstrip(" \n")) + start
            layout.scalars[path + (key,)] = _Span(start, end)
            for depth in range(len(stack)):
                layout.mappings[stack[depth][0]].last_end = end
            _value_done(stack)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.AliasEvent):
            raise EditError("lists and aliases are not edited automatically")
    return layout


def _child_path(stack: list[tuple[Path_, str | None]]) -> Path_:
    if not stack:
        return ()
    path, key = stack[-1]
    return path + (key or "",)


def _value_done(stack: list[tuple[Path_, str | None]]) -> None:
    if stack:
        stack[-1] = (stack[-1][0], None)


_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: |\s#|:$|\s$|[\x00-\x1f\x7f]")
_YAML_WORDS = re.compile(
    r"^(?:y|n|yes|no|on|off|true|false|null|~|=|<<|[-+]?\.?[0-9][0-9_.:eE+-]*|[-+]?\.inf|\.nan)$",
    re.IGNORECASE,
)


def _printable(char: str) -> bool:
    """YAML 1.1's printable characters (anything else must be escaped in quotes)."""
    code = ord(char)
    return (
        char in "\t\n"
        or 0x20 <= code <= 0x7E
        or code == 0x85
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or code >= 0x10000
    )


_BREAKS = "\x85\u2028\u2029\ufeff"  # read as line breaks (or a byte order mark) if typed


def quoted(value: str) -> str:
    """`value` in double quotes, every character YAML would refuse escaped."""
    out = []
    for char in value:
        if char in '\\"':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _printable(char) and char not in _BREAKS:
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def render_key(key: str) -> str:
    return key if not _PLAIN_UNSAFE.search(key) and not _YAML_WORDS.match(key) else quoted(key)


def render_scalar(value: str, indent: int, force_quotes: bool = False, block: bool = True) -> str:
    """A YAML scalar for `value` written after `key: ` at `indent`: plain when that is
    unambiguous, a literal block for multi-line text (unless `block` is False: something
    follows on the line), double quotes otherwise."""
    if force_quotes or not all(_printable(c) and c not in _BREAKS for c in value.replace("\n", "")):
        return quoted(value)
    if block and "\n" in value.rstrip("\n") and not value.startswith((" ", "\n")):
        trailing = len(value) - len(value.rstrip("\n"))
        if trailing <= 1 and not any(line.endswith(" ") for line in value.split("\n")):
            chomp = "" if trailing == 1 else "-"
            pad = " " * (indent + 2)
            lines = [pad + line if line else "" for line in value.rstrip("\n").split("\n")]
            return f"|{chomp}\n" + "\n".join(lines)
    if value and not _PLAIN_UNSAFE.search(value) and not _YAML_WORDS.match(value):
        return value
    return quoted(value)


def set_value(text: str, path: Path_, value: str, force_quotes: bool = False) -> str:
    """`text` with the string at `path` (keys from the top) set to `value`."""
    layout = _layout(text)
    span = layout.scalars.get(path)
    if span is not None:
        indent = _line_indent(text, span.start)
        line_end = text.find("\n", span.end)
        block = not text[span.end : len(text) if line_end < 0 else line_end].strip(" ")
        rendered = render_scalar(value, indent, force_quotes, block)
        if block and rendered.startswith("|"):
            line_end = len(text) if line_end < 0 else line_end
            return text[: span.start] + rendered + text[line_end:]  # trailing spaces dropped
        return text[: span.start] + rendered + text[span.end :]
    depth = len(path) - 1
    while depth > 0 and path[:depth] not in layout.mappings:
        depth -= 1
    parent = layout.mappings.get(path[:depth])
    if path[:depth] in layout.scalars:
        raise EditError(f"'{'.'.join(path[:depth])}' is text, not a group of strings")
    indent = parent.key_column if parent and parent.key_column >= 0 else 2 * depth
    lines = []
    for level, key in enumerate(path[depth:-1]):
        lines.append(" " * (indent + 2 * level) + render_key(key) + ":")
    last_indent = indent + 2 * (len(path) - 1 - depth)
    lines.append(
        " " * last_indent
        + render_key(path[-1])
        + ": "
        + render_scalar(value, last_indent, force_quotes)
    )
    addition = "\n".join(lines)
    if parent is None or parent.last_end == 0 and depth == 0:
        body = text.rstrip("\n")
        return (body + "\n" if body else "") + addition + "\n"
    cut = text.find("\n", parent.last_end)
    if cut < 0:
        return text + "\n" + addition + "\n"
    return text[:cut] + "\n" + addition + text[cut:]


def _line_indent(text: str, index: int) -> int:
    line_start = text.rfind("\n", 0, index) + 1
    line = text[line_start:index]
    return len(line) - len(line.lstrip(" "))
