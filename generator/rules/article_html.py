"""Raw HTML in an article: tags, comments, `<!...>` declarations, attributes set with
`{...}` other than an id, classes, title, lang or dir, and HTML in the front matter's
title or description. Writer text is text: write Markdown. A few inline tags that cannot
run anything may be used: <kbd>, <br>, <sup>, <sub> and <abbr title="...">. Code spans
and fenced code blocks are text and may show any HTML.

Passing::

    Press <kbd>Ctrl</kbd>+<kbd>P</kbd>, or choose **Print**. Write `<b>` to show a tag.

Failing::

    Press <b onmouseover="alert(1)">Print</b>.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.articles import ArticleFile
from generator.problems import Level, Problem
from generator.rules._article_text import markdown_text, offset_pos
from generator.rules.base import Context
from generator.rules.text_scan import HTML

ID = "article-html"
LEVEL = Level.ERROR
SCOPE = "project"

ALLOWED_TAGS = ("kbd", "br", "sup", "sub", "abbr")
ALLOWED_ATTRIBUTES = {"abbr": {"title"}}
ATTR_LIST_KEYS = ("title", "lang", "dir")

# Where Markdown may start raw HTML: a tag name after < or </ (an autolink such as
# <https://...> or <name@example.com> is not one), a comment, or <! and <? constructs.
_START = re.compile(r"(?<!\\)<(?:/?[a-zA-Z][a-zA-Z0-9-]*(?=[\s/>]|$)|!|\?)", re.M)
_ATTRIBUTE = r"""\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(rf"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:{_ATTRIBUTE})*)\s*/?>")
_ATTRIBUTE_NAME = re.compile(_ATTRIBUTE)
# attr_list: `{: #id .class key=value }` after a heading, a paragraph or a link.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_TOKEN = re.compile(r"""\s*(?:[#.][^\s{}]+|([^\s{}="']+)=(?:"[^"]*"|'[^']*'|[^\s{}]*))""")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FRONT_MATTER_TEXT = re.compile(r"^[ ]{0,3}(title|description):[ \t]*(.*)$", re.M | re.I)

_HOW = (
    "write Markdown instead (**bold**, [link](url)), or put code in `backticks`; "
    "only <kbd>, <br>, <sup>, <sub> and <abbr title> may be used"
)


def check(ctx: Context) -> Iterator[Problem]:
    for versions in ctx.articles.articles.values():
        for article in versions.values():
            if article.text:
                yield from check_article(article)


def check_article(article: ArticleFile) -> Iterator[Problem]:
    text = markdown_text(article)
    refused: set[str] = set()  # tag names reported: their closing tags are not again
    for start in _START.finditer(text):
        name = start.group(0)[1:].lower()
        if name.startswith("/") and name[1:] in refused:
            continue
        if message := _refusal(text, start.start()):
            refused.add(name)
            yield Problem.at(offset_pos(article, start.start()), LEVEL, ID, message)
    for attr_list in _ATTR_LIST.finditer(text):
        yield from _attr_list(article, attr_list)
    yield from _front_matter(article)


def _refusal(text: str, offset: int) -> str | None:
    """Why the HTML starting at `offset` may not be used, or None for an allowed tag."""
    if text.startswith("<!--", offset):
        return f"an HTML comment is not allowed in an article (it is published in the page); {_HOW}"
    if text[offset + 1] in "!?":
        shown = text[offset : offset + 20].split("\n")[0]
        return f"'{shown}' is not allowed in an article; {_HOW}"
    tag = _TAG.match(text, offset)
    if tag is None or _BLANK_LINE.search(tag.group(0)):
        paragraph = _BLANK_LINE.split(text[offset:], maxsplit=1)[0]
        if ">" not in paragraph:
            return None  # `x <y` with no `>` after it: Markdown shows it as text
        shown = paragraph[:30].split("\n")[0]
        return f"'{shown}' starts an HTML tag that is not finished; {_HOW}"
    closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
    shown = tag.group(0)[:40]
    if name not in ALLOWED_TAGS:
        return f"raw HTML '{shown}' is not allowed in an article; {_HOW}"
    for attribute in _ATTRIBUTE_NAME.finditer(attributes):
        if closing or attribute.group(1).lower() not in ALLOWED_ATTRIBUTES.get(name, set()):
            return (
                f"'{shown}': the attribute '{attribute.group(1)}' is not allowed; "
                "write the tag without attributes (only <abbr> may have a title)"
            )
    return None


def _attr_list(article: ArticleFile, found: re.Match[str]) -> Iterator[Problem]:
    content, offset = found.group(1), found.start(1)
    tokens = list(_ATTR_TOKEN.finditer(content))
    if not tokens or sum(len(t.group(0)) for t in tokens) != len(content.rstrip()):
        return  # not an attribute list: braces in text
    for token in tokens:
        key = token.group(1)
        if key is not None and key.lower() not in ATTR_LIST_KEYS:
            message = (
                f"the attribute '{key}' in '{found.group(0)[:40]}' is not allowed; "
                "an attribute list may set only #id, .class, title, lang and dir"
            )
            yield Problem.at(offset_pos(article, offset + token.start(1)), LEVEL, ID, message)


def _front_matter(article: ArticleFile) -> Iterator[Problem]:
    lines = article.text.split("\n")[: article.body_line - 1]
    head = "\n".join(lines)
    for field in _FRONT_MATTER_TEXT.finditer(head):
        if html := HTML.search(field.group(2)):
            message = (
                f"the page's {field.group(1).lower()} contains HTML '{html.group(0)[:30]}'; it is "
                "shown as text: write plain text"
            )
            yield Problem.at(offset_pos(article, field.start(2) + html.start()), LEVEL, ID, message)
