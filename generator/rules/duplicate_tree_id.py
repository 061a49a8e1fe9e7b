"""Two trees have the same id (ignoring case); their pages would collide.

Passing::

    decision_trees/refund-eligibility.yml   id: refund-eligibility
    decision_trees/account-closure.yml      id: account-closure

Failing::

    decision_trees/refunds.yml              id: refund-eligibility
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "duplicate-tree-id"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for tree in sorted(ctx.trees, key=lambda t: t.path):
        folded = tree.id.casefold()
        if not folded:
            continue
        if folded in first:
            message = f"tree id '{tree.id}' is already used by {first[folded]}; choose another id"
            yield Problem.at(tree.pos, LEVEL, ID, message)
        else:
            first[folded] = tree.path
