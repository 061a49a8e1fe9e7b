"""Characters a writer cannot see or cannot tell apart: how to name them in a message,
which ones are invisible, and the Latin letter a look-alike stands for.

Look-alikes come from Unicode's confusables data (UTS #39) as packaged by
`confusable_homoglyphs`; only letters and digits that map to ASCII are used.
"""

from __future__ import annotations

import re
import unicodedata

from confusable_homoglyphs import categories, confusables  # type: ignore[import-untyped]

# Characters that change the order in which text is shown (Trojan Source, CVE-2021-42574).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Characters that join emoji into one picture (family, flag): allowed between emoji.
_ZWJ = "\u200d"
_VARIATION_SELECTOR_16 = "\ufe0f"
_TAGS = range(0xE0020, 0xE0080)  # subdivision flags: black flag + tags + cancel tag
_BLACK_FLAG = "\U0001f3f4"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
# Invisible letters and fillers that are not format characters (category Lo/Mn).
_INVISIBLE_OTHER = frozenset("\u115f\u1160\u3164\uffa0\u034f\u180b\u180c\u180d\u180f")

# Control characters have no name in Unicode, only these aliases.
_C0_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
    "ENQUIRY", "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
    "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
    "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR",
)  # fmt: skip
_OTHER_NAMES = {"\x7f": "DELETE", "\x85": "NEXT LINE"}


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+0001 START OF HEADING', 'U+0090'."""
    code = f"U+{ord(char):04X}"
    if ord(char) < 0x20:
        name = _C0_NAMES[ord(char)]
    else:
        name = unicodedata.name(char, "") or _OTHER_NAMES.get(char, "")
    return f"{code} {name}" if name else code


def is_control(char: str) -> bool:
    """A control character or line/paragraph separator (tab and newline are text)."""
    if char in "\t\n":
        return False
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def is_invisible(char: str) -> bool:
    """Shows as nothing (or as a hyphen only at a line end): format characters, fillers."""
    return unicodedata.category(char) == "Cf" or char in _INVISIBLE_OTHER


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or ord(char) in _SKIN_TONES


def is_emoji_glue(text: str, index: int) -> bool:
    """The invisible character at `index` is part of an emoji sequence (👩‍💻, 🏴 flags)."""
    char = text[index]
    if char == _ZWJ:
        before = text[index - 1] if index > 0 else ""
        if before == _VARIATION_SELECTOR_16 and index > 1:
            before = text[index - 2]
        after = text[index + 1] if index + 1 < len(text) else ""
        return bool(before and after) and _is_emoji(before) and _is_emoji(after)
    if ord(char) in _TAGS or ord(char) == 0xE007F:
        start = index
        while start > 0 and (ord(text[start - 1]) in _TAGS):
            start -= 1
        return start > 0 and text[start - 1] == _BLACK_FLAG
    return False


_NOT_PLAIN_ASCII = re.compile("[^\t\n\x20-\x7e]")


class _Hidden(dict[str, bool]):
    """Whether a character is a control, bidirectional or invisible one, each character
    classified once: texts in Vietnamese or Latvian are full of letters beyond ASCII."""

    def __missing__(self, char: str) -> bool:
        hidden = is_control(char) or char in BIDI_CONTROLS or is_invisible(char)
        self[char] = hidden
        return hidden


_HIDDEN = _Hidden()


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every control, bidirectional or invisible character."""
    found = []
    for match in _NOT_PLAIN_ASCII.finditer(text):  # skips the common case in C
        char = match.group()
        if _HIDDEN[char] and not is_emoji_glue(text, match.start()):
            found.append((match.start(), char))
    return found


def first_hidden_in_id(text: str) -> tuple[int, str] | None:
    """The first character of an id that cannot be seen: any control (tab and newline
    included), bidirectional or invisible character, with what to call it."""
    for index, char in enumerate(text):
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            return index, f"the control character {describe(char)}"
        if is_invisible(char):
            return index, f"the invisible character {describe(char)}"
    return None


class _DropHidden(dict[int, int | None]):
    """A str.translate table that drops control and invisible characters, each character
    classified once (a per-character Python loop cost seconds on a large tree)."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = None if is_control(char) or is_invisible(char) else code
        self[code] = kept
        return kept


_DROP_HIDDEN = _DropHidden()


def visible(text: str) -> str:
    """The text without invisible and control characters and without surrounding space."""
    return text.translate(_DROP_HIDDEN).strip()


def latin_lookalike(char: str) -> str | None:
    """The ASCII letters or digits a non-ASCII character looks like ('а' -> 'a'), if any."""
    if char.isascii():
        return None
    for glyph in confusables.confusables_data.get(char, ()):
        candidate: str = glyph["c"]
        if candidate.isascii() and candidate.isalnum():
            return candidate
    return None


def script_name(char: str) -> str:
    """'Cyrillic', 'Greek'... as Unicode's script aliases name them."""
    alias: str = categories.aliases_categories(char)[0]
    return alias.capitalize()


def describe_lookalike(char: str) -> str:
    """ "the Cyrillic letter 'а' (U+0430), which looks like the Latin 'a'"."""
    latin = latin_lookalike(char) or "?"
    kind = "digit" if unicodedata.category(char) == "Nd" else "letter"
    return (
        f"the {script_name(char)} {kind} '{char}' (U+{ord(char):04X}), "
        f"which looks like the Latin '{latin}'"
    )


def skeleton(text: str) -> str:
    """What the text looks like: look-alikes replaced by their ASCII letter, invisible
    characters dropped. Two ids with the same skeleton cannot be told apart on screen."""
    if text.isascii() and text.isprintable():
        return text  # ids are: quickly
    out = []
    for char in unicodedata.normalize("NFC", text):
        if is_invisible(char) or is_control(char) or char in "\t\n":
            continue
        out.append(latin_lookalike(char) or char)
    return "".join(out)
