"""An outcome's article link names a file or heading anchor that content/ does not have.

Passing::

    articles:
      - orders/cancel-order.md#no-cancel-items   # content/orders/cancel-order.md has
                                                 # '## ... {#no-cancel-items}'

Failing::

    articles:
      - orders/cancel-orders.md#no-cancel-item
"""

from collections.abc import Iterator

from generator.model import Outcome, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.suggest import did_you_mean

ID = "article-link"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    known = sorted(ctx.articles.articles)
    for node in tree.nodes.values():
        if not isinstance(node, Outcome):
            continue
        for link in node.articles:
            path, anchor = link.path, link.anchor
            if path.startswith("/") or not path.endswith(".md"):
                message = (
                    f"article link '{link.target}' must be a path in content/ ending in .md, "
                    "like orders/cancel-order.md#steps"
                )
                yield Problem.at(link.pos, LEVEL, ID, message)
                continue
            article = ctx.articles.get(path)
            if article is None:
                hint = did_you_mean(path, known) or f"; create content/{path} or fix the path"
                yield Problem.at(link.pos, LEVEL, ID, f"article '{path}' does not exist{hint}")
            elif anchor and anchor not in article.headings:
                hint = did_you_mean(anchor, list(article.headings)) or (
                    f"; give a heading in {article.path} the id {{#{anchor}}}"
                )
                message = f"{article.path} has no heading with the anchor '#{anchor}'{hint}"
                yield Problem.at(link.pos, LEVEL, ID, message)
