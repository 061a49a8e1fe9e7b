"""A translation or scenario file whose tree file does not exist.

Passing::

    decision_trees/account-closure.yml
    decision_trees/account-closure.lv.yml

Failing::

    decision_trees/account-closing.lv.yml    # no account-closing.yml
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.suggest import did_you_mean

ID = "unknown-tree"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    ids = [tree.id for tree in ctx.trees]
    for path, tree_id in ctx.orphans:
        hint = did_you_mean(tree_id, ids) or f"; create {tree_id}.yml or rename this file"
        yield Problem(path, 1, 1, LEVEL, ID, f"there is no tree '{tree_id}' for this file{hint}")
