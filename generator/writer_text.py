"""Writer Markdown (tree text) to safe HTML.

Trees are written by content writers, not developers, so their text is treated as text:
raw HTML and entities are shown literally (the validator refuses them too), links keep
only safe schemes, relative `.md` links point at articles in content/, and images become
their alt text so that no writer string can make the page fetch anything. The result
then passes an allowlist sanitizer (`generator.sanitize`) all the same.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from generator import urls
from generator.sanitize import clean_writer_text
from generator.simple_markdown import simple_block

# (article path relative to content/, anchor) -> href from the current page, or None
LinkResolver = Callable[[str, str], "str | None"]

_TAGS = re.compile(r"<[^>]+>")
# Words, spaces and punctuation that Markdown leaves alone (no '_*`[]<>&\\#' and no
# digit first, which could start a list): most questions, titles and answers. Python-
# Markdown costs about 0.1 ms a string, and a large tree has thousands per language.
_PLAIN_INLINE = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:?!'\"()/%+-])*")


def _no_articles(path: str, anchor: str) -> str | None:
    return None


class _LinkPolicy(Treeprocessor):
    def __init__(self, md: markdown.Markdown, resolve: LinkResolver, links: bool) -> None:
        super().__init__(md)
        self.resolve, self.links = resolve, links

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for child in parent:
                if child.tag == "img":
                    child.tag, child.text = "span", child.get("alt", "")
                    child.attrib.clear()
                elif child.tag == "a":
                    href = self._href(child.get("href", "")) if self.links else None
                    child.attrib.clear()
                    if href is None:
                        child.tag = "span"
                    else:
                        child.set("href", href)

    def _href(self, href: str) -> str | None:
        if not urls.is_safe(href):
            return None
        if urls.scheme(href):
            return href
        parts = urlsplit(href)
        if parts.path.endswith(".md"):
            return self.resolve(parts.path.lstrip("/"), parts.fragment)
        return href


class _WriterText(Extension):
    def __init__(self, resolve: LinkResolver, links: bool) -> None:
        super().__init__()
        self.resolve, self.links = resolve, links

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.treeprocessors.register(_LinkPolicy(md, self.resolve, self.links), "link_policy", 5)


# Building a Markdown instance costs about three conversions, and a site renders every
# writer string once per language: keep one per variant and reset it between strings.
_CONVERTERS: dict[tuple[bool, bool], markdown.Markdown] = {}


def _convert(text: str, resolve: LinkResolver, block: bool, links: bool) -> str:
    md = _CONVERTERS.get((block, links))
    if md is None:
        extensions: list[Extension | str] = [_WriterText(_no_articles, links)]
        if block:
            extensions.append("sane_lists")
        md = _CONVERTERS[(block, links)] = markdown.Markdown(extensions=extensions)
    policy = md.treeprocessors["link_policy"]
    assert isinstance(policy, _LinkPolicy)
    policy.resolve = resolve
    try:
        # The Markdown above lets nothing raw through; the sanitizer makes sure of it.
        return clean_writer_text(md.reset().convert(text))
    finally:
        policy.resolve = _no_articles


def render_block(text: str, resolve: LinkResolver = _no_articles) -> Markup:
    """Markdown paragraphs, lists, emphasis, code and links, with nothing raw let through."""
    simple = _simple_html(text)  # most bodies: the parser's HTML without the parser
    if simple is not None:
        return Markup(simple)
    return Markup(_convert(text, resolve, block=True, links=True))


@functools.lru_cache(maxsize=4096)
def _simple_html(text: str) -> str | None:
    """Plain text links nothing, so its HTML is the same on every page: a body shown
    untranslated in several languages, or repeated in many outcomes, is made once."""
    simple = simple_block(text)
    return None if simple is None else clean_writer_text(simple)


def render_inline(text: str, resolve: LinkResolver = _no_articles, links: bool = True) -> Markup:
    """One line of Markdown (a question, label or title) without the wrapping paragraph;
    `links=False` keeps link text only, for text that is itself inside a link."""
    text = " ".join(text.split())
    if _PLAIN_INLINE.fullmatch(text):
        return Markup(text)  # no Markdown syntax, nothing to escape: renders as itself
    result = _convert(text, resolve, block=False, links=links)
    if result.startswith("<p>") and result.endswith("</p>"):
        result = result[3:-4]
    return Markup(result)


def to_plain(fragment: str) -> str:
    """The text of an HTML fragment this module produced."""
    return " ".join(html.unescape(_TAGS.sub("", fragment)).split())
