"""An article that the site build cannot turn into HTML: the Markdown renderer, with the
extensions in mkdocs.yml and the raw-HTML scan MkDocs adds, stops on it (`<![ x`, a link
to `http://[`), which would stop the build with a traceback. Reported at the first line
and character from which the page cannot be rendered. (An article that is not UTF-8 is
reported as `encoding` when it is read, at the first bad byte: see load_project.)

Passing::

    Choose **Cancel items**, then confirm.

Failing::

    Choose <![ x Cancel items.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import markdown
from markdown.htmlparser import htmlparser  # type: ignore[attr-defined]
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from generator.articles import ArticleFile
from generator.model import Pos
from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "article-render"
LEVEL = Level.ERROR
SCOPE = "project"

Extensions = list[tuple[str, dict[str, Any]]]


class _HTMLScanError(Exception):
    """The HTML parser failed: the fault is at the `<` that starts the construct."""


class _RawHTMLScan(Preprocessor):
    """What MkDocs does before Python-Markdown's own HTML handling: feed the page (all but
    fenced code) to an HTML parser to collect anchor ids. It raises on `<![ x`, even in a
    code span."""

    def run(self, lines: list[str]) -> list[str]:
        parser = htmlparser.HTMLParser()
        try:
            parser.feed("\n".join(lines))
            parser.close()
        except Exception as error:  # noqa: BLE001 - reported with where it happened
            raise _HTMLScanError(f"{type(error).__name__}: {error}") from error
        return lines


class _LinkScan(Treeprocessor):
    """MkDocs splits every link and image address to make it relative; a malformed one
    (`http://[`) raises there."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            address = element.get("href" if element.tag == "a" else "src")
            if element.tag in ("a", "img") and address is not None:
                urlsplit(address)


_CONVERTERS: dict[str, markdown.Markdown] = {}


def _converter(extensions: Extensions) -> markdown.Markdown:
    # Building a converter with every extension costs more than a page: one per config.
    key = json.dumps(extensions, sort_keys=True, default=str)
    md = _CONVERTERS.get(key)
    if md is None:
        md = markdown.Markdown(
            extensions=[name for name, _ in extensions],
            extension_configs={name: options for name, options in extensions if options},
        )
        md.preprocessors.register(_RawHTMLScan(md), "helpcenter_raw_html_scan", 21)
        md.treeprocessors.register(_LinkScan(md), "helpcenter_link_scan", 0)
        _CONVERTERS[key] = md
    return md


def render_error(markdown_text: str, extensions: Extensions) -> Exception | None:
    """The exception the renderer raises on this Markdown, or None when it renders."""
    md = _converter(extensions)
    try:
        md.reset().convert(markdown_text)
    except Exception as error:  # noqa: BLE001 - any failure is what the build would hit
        del _CONVERTERS[json.dumps(extensions, sort_keys=True, default=str)]
        return error
    return None


def _first_failure(lines: list[str], extensions: Extensions) -> tuple[int, int]:
    """(line index, column) from which the text fails: the shortest failing prefix, found
    by bisection over whole lines, then over the characters of the last line."""
    low, high = 0, len(lines)  # lines[:high] fails
    while low + 1 < high:
        middle = (low + high) // 2
        if render_error("\n".join(lines[:middle]), extensions):
            high = middle
        else:
            low = middle
    index, before = high - 1, lines[: high - 1]
    line = lines[index]
    low, high = 0, len(line)  # before + line[:high] fails (or the line's end is needed)
    while low + 1 < high:
        middle = (low + high) // 2
        if render_error("\n".join([*before, line[:middle]]), extensions):
            high = middle
        else:
            low = middle
    return index, max(high, 1)


def check(ctx: Context) -> Iterator[Problem]:
    for versions in ctx.articles.articles.values():
        for article in versions.values():
            if article.text:
                yield from check_article(article, ctx.config.markdown_extensions)


# Pages known to render, by config and text: `mkdocs serve` reloads the project on every
# change, and only the page that changed needs rendering again.
_RENDERS: set[tuple[str, str]] = set()


def check_article(article: ArticleFile, extensions: Extensions) -> Iterator[Problem]:
    lines = article.text.split("\n")[article.body_line - 1 :]
    text = "\n".join(lines)
    known = (json.dumps(extensions, sort_keys=True, default=str), text)
    if known in _RENDERS:
        return
    error = render_error(text, extensions)
    if error is None:
        _RENDERS.add(known)
        return
    index, column = _first_failure(lines, extensions)
    if isinstance(error, _HTMLScanError):
        column = lines[index].rfind("<", 0, column) + 1 or column
        reason = str(error)
    else:
        reason = f"{type(error).__name__}: {error}"
    reason = " ".join(reason.split())[:100]
    message = (
        f"the site cannot turn this page into HTML: the Markdown renderer stops here ({reason}); "
        "change or remove what starts here (a fenced code block can show it as code)"
    )
    yield Problem.at(Pos(article.path, article.body_line + index, column), LEVEL, ID, message)
