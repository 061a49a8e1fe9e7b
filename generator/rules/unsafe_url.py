"""A link whose address is not http, https, mailto, tel or relative (`javascript:`,
`data:`, `file:` run code or leak files).

Passing::

    url: https://account.microsoft.com/billing/orders

Failing::

    url: javascript:alert(1)
"""

from collections.abc import Iterator

from generator.model import Outcome, Tree
from generator.problems import Level, Problem
from generator.rules._textpos import offset_pos
from generator.rules.base import Context, writer_texts
from generator.rules.text_scan import link_targets, unsafe_reason

ID = "unsafe-url"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    for node in tree.nodes.values():
        if isinstance(node, Outcome):
            for link in node.links:
                if reason := unsafe_reason(link.url):
                    yield Problem.at(link.url_pos, LEVEL, ID, f"link '{link.id}' {reason}")
    for _language, key, text in writer_texts(tree):
        for target, offset in link_targets(text.value):
            if reason := unsafe_reason(target):
                yield Problem.at(offset_pos(text, offset), LEVEL, ID, f"a link in '{key}' {reason}")
