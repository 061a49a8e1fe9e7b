"""A question with no answers to pick: the customer is stuck.

Passing::

    what: {question: What happened?, options: [{id: a, label: A, next: done}, ...]}

Failing::

    what: {question: What happened?, options: []}
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "dead-end"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    for node in tree.nodes.values():
        if isinstance(node, Question) and not node.options and node.id not in tree.unusable:
            message = f"question '{node.id}' has no answers, so customers get stuck; add options"
            yield Problem.at(node.pos, LEVEL, ID, message)
