"""A link whose address is not http, https, mailto, tel or relative (`javascript:`,
`data:`, `file:` run code or leak files), in a tree, a translation or an article (inline
links, `<...>` autolinks and `[label]: address` definitions), judged as a browser reads
it: character references decoded, control characters, tabs and newlines dropped, case
folded.

Passing::

    url: https://account.microsoft.com/billing/orders

Failing::

    url: javascript:alert(1)
"""

from collections.abc import Iterator

from generator.model import Outcome, Tree
from generator.problems import Level, Problem
from generator.rules import _article_text, _textpos
from generator.rules.base import Context, writer_texts
from generator.rules.text_scan import link_targets
from generator.urls import unsafe_reason

ID = "unsafe-url"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    for tree in ctx.trees:
        yield from _tree(tree)
    for versions in ctx.articles.articles.values():
        for article in versions.values():
            for target, offset in link_targets(_article_text.markdown_text(article)):
                if reason := unsafe_reason(target):
                    pos = _article_text.offset_pos(article, offset)
                    yield Problem.at(pos, LEVEL, ID, f"a link {reason}")


def _tree(tree: Tree) -> Iterator[Problem]:
    for node in tree.nodes.values():
        if isinstance(node, Outcome):
            for link in node.links:
                if reason := unsafe_reason(link.url):
                    yield Problem.at(link.url_pos, LEVEL, ID, f"link '{link.id}' {reason}")
    for _language, key, text in writer_texts(tree):
        for target, offset in link_targets(text.value):
            if reason := unsafe_reason(target):
                pos = _textpos.offset_pos(text, offset)
                yield Problem.at(pos, LEVEL, ID, f"a link in '{key}' {reason}")
