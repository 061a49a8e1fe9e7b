"""Two headings of one article have the same explicit anchor: the page would have two
elements with one id, and links to it would always reach the first.

Passing::

    ## Refunds {#refunds}
    ## Refund status {#refund-status}

Failing::

    ## Refunds {#refunds}
    ## Refund status {#refunds}
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "duplicate-anchor"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    for versions in ctx.articles.articles.values():
        for article in versions.values():
            for heading in article.duplicate_headings:
                first = article.headings[heading.anchor].pos.line
                message = (
                    f"the anchor '#{heading.anchor}' is already used by the heading on line "
                    f"{first}; give this heading another {{#id}}"
                )
                yield Problem.at(heading.pos, LEVEL, ID, message)
