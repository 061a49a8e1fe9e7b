"""Writing and reading exchange files: gettext PO (with polib) and XLIFF 1.2.

Readers never raise for bad input: they return the entries they could read, or the
problem that stopped them, pointing at the file's line."""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import polib

from generator.model import SOURCE_LANGUAGE
from generator.problems import Problem
from generator.translations import problems
from generator.translations.catalog import Entry

FORMATS = ("po", "xliff")
SUFFIXES = {"po": ".po", "xliff": ".xlf"}


@dataclass
class ReadEntry:
    context: str
    source: str
    target: str
    fuzzy: bool
    line: int  # where the entry starts
    target_line: int  # where its translation is


@dataclass
class ReadFile:
    language: str | None = None
    language_line: int = 1
    entries: list[ReadEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# --- PO ---------------------------------------------------------------------------------


def write_po(language: str, entries: list[Entry]) -> str:
    po = polib.POFile(wrapwidth=0)
    po.header = (
        "Help center strings: troubleshooters (tree/...) and interface (interface/...).\n"
        "Translate msgstr only; an entry marked fuzzy needs review because its English\n"
        "changed. Import with `helpcenter translations import FILE`."
    )
    # No real dates: exporting twice gives the same file.
    po.metadata = {
        "Project-Id-Version": "helpcenter",
        "PO-Revision-Date": "2000-01-01 00:00+0000",
        "Last-Translator": "none",
        "Language-Team": language,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "helpcenter translations export",
    }
    for entry in entries:
        po.append(
            polib.POEntry(
                msgctxt=entry.context,
                msgid=entry.source,
                msgstr=entry.target,
                flags=["fuzzy"] if entry.fuzzy else [],
                occurrences=[(entry.reference.path, str(entry.reference.line))],
            )
        )
    return str(po).rstrip("\n") + "\n"


_PO_ERROR_LINE = re.compile(r"\(line (\d+)\)")
_QUOTED = r'"(?:[^"\\]|\\.)*"'
# The shape of every PO line. polib is lenient (it reads `msgstr text` without quotes
# as "ex"), so lines are checked first: a damaged file must not import quietly.
_PO_LINE = re.compile(
    rf"^(?:#.*|(?:#~ )?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+{_QUOTED}[ \t]*"
    rf"|(?:#~ )?{_QUOTED}[ \t]*|[ \t]*)$"
)
_PO_BROKEN = (
    "this line is not valid PO: each line is a # comment, a keyword (msgctxt, msgid, "
    'msgstr) and a text in "double quotes", or a "quoted" text that continues the line '
    'above (a " inside a text is written \\"); fix the line or export a fresh file'
)


def read_po(text: str, path: str) -> ReadFile:
    result = ReadFile()
    bad = next((n for n, line in enumerate(text.splitlines(), 1) if not _PO_LINE.match(line)), None)
    po = None
    if bad is None:
        try:
            po = polib.pofile(text)
        except (OSError, ValueError, UnicodeError) as err:
            found = _PO_ERROR_LINE.search(str(err))
            bad = int(found.group(1)) if found else 1
    if po is None:
        line = bad or 1
        message = _PO_BROKEN
        result.problems.append(problems.error(path, line, problems.SYNTAX, message))
        return result
    lines = text.splitlines()
    language = po.metadata.get("Language", "").strip()
    result.language = language or None
    result.language_line = _line_of(lines, 0, '"Language:') or 1
    for entry in po:
        if entry.obsolete:
            continue
        start = entry.linenum or 1
        result.entries.append(
            ReadEntry(
                context=entry.msgctxt or "",
                source=entry.msgid,
                target=entry.msgstr,
                fuzzy="fuzzy" in entry.flags,
                line=_line_of(lines, start - 1, "msgctxt") or start,
                target_line=_line_of(lines, start - 1, "msgstr") or start,
            )
        )
    return result


def _line_of(lines: list[str], start: int, prefix: str) -> int | None:
    for number in range(start, len(lines)):
        if lines[number].startswith(prefix):
            return number + 1
    return None


# --- XLIFF 1.2 ------------------------------------------------------------------------

_NEEDS_REVIEW = "needs-review-translation"


def write_xliff(language: str, entries: list[Entry]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n',
        f'  <file original="helpcenter" datatype="plaintext" source-language="{SOURCE_LANGUAGE}" '
        f"target-language={quoteattr(language)}>\n",
        "    <body>\n",
    ]
    for entry in entries:
        state = "new" if not entry.target else _NEEDS_REVIEW if entry.fuzzy else "translated"
        out += [
            f'      <trans-unit id={quoteattr(entry.context)} xml:space="preserve">\n',
            f"        <source>{escape(entry.source)}</source>\n",
            f'        <target state="{state}">{escape(entry.target)}</target>\n',
            '        <context-group purpose="location">'
            f'<context context-type="sourcefile">{escape(entry.reference.path)}</context>'
            f'<context context-type="linenumber">{entry.reference.line}</context>'
            "</context-group>\n",
            "      </trans-unit>\n",
        ]
    out += ["    </body>\n", "  </file>\n", "</xliff>\n"]
    return "".join(out)


def read_xliff(text: str, path: str) -> ReadFile:
    """Walk the elements with expat (which knows line numbers, and neither fetches nor
    expands external entities)."""
    result = ReadFile()
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    stack: list[str] = []
    unit: dict[str, object] = {}
    chars: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        stack.append(local)
        line = parser.CurrentLineNumber
        if local == "file":
            result.language = attrs.get("target-language") or None
            result.language_line = line
        elif local == "trans-unit":
            unit.clear()
            unit.update(context=attrs.get("id", ""), line=line, target="", state="")
            unit.update(source="", target_line=line)
        elif local in ("source", "target"):
            chars.clear()
            if local == "target":
                unit.update(target_line=line, state=attrs.get("state", ""))

    def end(name: str) -> None:
        local = stack.pop()
        if local in ("source", "target") and "trans-unit" in stack:
            unit[local] = "".join(chars)
        elif local == "trans-unit":
            result.entries.append(
                ReadEntry(
                    str(unit["context"]),
                    str(unit["source"]),
                    str(unit["target"]),
                    unit["state"] == _NEEDS_REVIEW,
                    int(str(unit["line"])),
                    int(str(unit["target_line"])),
                )
            )

    def data(content: str) -> None:
        if stack and stack[-1] in ("source", "target"):
            chars.append(content)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as err:
        result.entries.clear()
        result.problems.append(
            problems.error(
                path,
                err.lineno,
                problems.SYNTAX,
                f"this is not a readable XLIFF file ({xml.parsers.expat.errors.messages[err.code]}); "
                "export a fresh file with `helpcenter translations export` and copy your "
                "translations into it",
                column=err.offset + 1,
            )
        )
    return result


WRITERS: dict[str, Callable[[str, list[Entry]], str]] = {"po": write_po, "xliff": write_xliff}


def read_exchange_file(text: str, path: str) -> ReadFile:
    if path.endswith((".xlf", ".xliff")):
        return read_xliff(text, path)
    return read_po(text, path)
