"""Addresses as a browser reads them, and the one list of schemes writer links may use.

A browser decodes character references in an attribute, strips leading and trailing C0
control characters and spaces, drops every tab and newline, and folds the scheme's case:
`java&#X09;script:`, `\\x01javascript:` and `JavaScript:` all run script. Judge the address
that the browser will follow, never the characters as typed.
"""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SAFE_SCHEMES_TEXT = "http, https, mailto, tel"

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Markdown turns `\:` into `:`; a link target is read after that.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Another host, with the scheme left out: //host, and \\host where backslash means slash.
_SCHEME_RELATIVE = ("//", "\\\\", "/\\", "\\/")


def browser_form(url: str) -> str:
    """The address a browser follows for this attribute value."""
    text = url
    # Decode until nothing changes: text that passes through two renderers can carry a
    # reference inside a reference (`&amp;#x6A;`), and one decoding would miss it.
    for _ in range(8):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return _TAB_OR_NEWLINE.sub("", text.strip(_C0_AND_SPACE))


def markdown_target(target: str) -> str:
    """A Markdown link target as the Markdown renderer passes it on (escapes removed)."""
    return _MARKDOWN_ESCAPE.sub(r"\1", target)


def scheme(url: str) -> str | None:
    """The lower-case scheme the browser sees (`javascript`), or None for a relative URL."""
    match = _SCHEME.match(browser_form(url))
    return match.group(1).lower() if match else None


def is_scheme_relative(url: str) -> bool:
    return browser_form(url).startswith(_SCHEME_RELATIVE)


def unsafe_reason(url: str) -> str | None:
    """Why a link address may not be used, or None when it is fine."""
    if is_scheme_relative(url):
        return "starts with '//'; write the full https:// address"
    found = scheme(url)
    if found is not None and found not in SAFE_SCHEMES:
        shown = found.encode("unicode_escape").decode("ascii")
        return f"uses '{shown}:'; only {SAFE_SCHEMES_TEXT} and relative links are allowed"
    return None


def is_safe(url: str) -> bool:
    return unsafe_reason(url) is None
