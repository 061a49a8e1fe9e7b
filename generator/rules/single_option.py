"""A question with only one answer is not a question: make it part of the step before.

Passing::

    options: [{id: yes, label: Yes, next: a}, {id: no, label: No, next: b}]

Failing::

    options: [{id: ok, label: OK, next: a}]
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "single-option"
LEVEL = Level.WARNING
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    for node in tree.nodes.values():
        if isinstance(node, Question) and len(node.options) == 1:
            message = (
                f"question '{node.id}' has only one answer; add another or lead the "
                "step before straight to its next node"
            )
            yield Problem.at(node.pos, LEVEL, ID, message)
