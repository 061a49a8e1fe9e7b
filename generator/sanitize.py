"""The second line of defence: an allowlist HTML sanitizer (nh3, the Ammonia library) over
every piece of HTML made from writer text, after the rules have refused what they can.

The allowlists keep exactly what Markdown and the site's configured extensions produce
(headings with ids, permalinks, tables, admonitions, details, highlighted code,
footnotes, abbreviations, definition lists, attr_list classes and ids) and links and
images only with a scheme from `urls.SAFE_SCHEMES` or a relative address. Everything
else (script, style, event handlers, forms, frames, comments, other schemes) goes.
"""

from __future__ import annotations

import nh3

from generator.urls import SAFE_SCHEMES

_TEXT_TAGS = {"p", "br", "em", "strong", "code", "pre", "a", "span", "ul", "ol", "li"}
_TEXT_TAGS |= {"blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}

# What Python-Markdown with abbr, admonition, attr_list, def_list, footnotes, md_in_html,
# tables, toc and pymdownx (details, highlight, inlinehilite, superfences) writes, plus
# the few inline tags writers may type (see rules/article_html.py).
_ARTICLE_TAGS = _TEXT_TAGS | {
    "del", "ins", "s", "b", "i", "sup", "sub", "kbd", "abbr", "mark", "small", "q", "wbr",
    "div", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "dl", "dt", "dd", "details", "summary", "figure", "figcaption",
}  # fmt: skip

_ARTICLE_ATTRIBUTES = {
    # attr_list may set an id or classes on any element; toc sets heading ids.
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"style", "colspan", "rowspan", "align"},
    "td": {"style", "colspan", "rowspan", "align"},
    "details": {"open"},
}

# Names the theme's script reads from the page: a `pre.mermaid` makes Material load
# Mermaid from its CDN, and an element with id "mermaid" (or a "__md_..." id) shadows the
# global of that name (DOM clobbering), which Material takes for Mermaid being absent.
_RESERVED_CLASSES = frozenset({"mermaid"})


def _reserved_id(value: str) -> bool:
    return value == "mermaid" or value.startswith("__")


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        kept = [name for name in value.split() if name not in _RESERVED_CLASSES]
        return " ".join(kept) if kept else None
    if attribute in ("id", "name") and _reserved_id(value):
        return None
    return value


_ARTICLE = nh3.Cleaner(
    tags=_ARTICLE_TAGS,
    attribute_filter=_attribute_filter,
    clean_content_tags={"script", "style"},
    attributes=_ARTICLE_ATTRIBUTES,
    url_schemes=set(SAFE_SCHEMES),
    filter_style_properties={"text-align"},  # the tables extension aligns columns so
    strip_comments=True,
    link_rel=None,
)

_WRITER_TEXT = nh3.Cleaner(
    tags=_TEXT_TAGS,
    clean_content_tags={"script", "style"},
    attributes={"a": {"href"}, "ol": {"start"}},
    url_schemes=set(SAFE_SCHEMES),
    strip_comments=True,
    link_rel=None,
)


def clean_article(html: str) -> str:
    """An article's HTML as Markdown made it, with anything that could run removed."""
    return _ARTICLE.clean(html)


def clean_writer_text(html: str) -> str:
    """A tree string's HTML (paragraphs, lists, emphasis, code, links) and nothing else."""
    return _WRITER_TEXT.clean(html)
