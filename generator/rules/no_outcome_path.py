"""A question from which no sequence of answers ever reaches an outcome.

Passing::

    a: {question: ..., options: [{id: x, label: X, next: done}, ...]}

Failing::

    a: {question: ..., options: [{id: x, label: X, next: b}, ...]}
    b: {question: ..., options: [{id: y, label: Y, next: a}, ...]}   # a and b only loop
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.rules.graph import reaches_outcome

ID = "no-outcome-path"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    good = reaches_outcome(tree)
    for node_id, node in tree.nodes.items():
        if isinstance(node, Question) and node.options and node_id not in good:
            message = (
                f"no answer path from question '{node_id}' ever reaches an outcome; "
                "lead at least one answer to an outcome"
            )
            yield Problem.at(node.pos, LEVEL, ID, message)
