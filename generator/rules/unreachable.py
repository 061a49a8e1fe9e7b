"""A node that no path from `start` reaches: customers can never see it.

Passing::

    start: what
    nodes:
      what: {question: ..., options: [{id: a, label: A, next: done}]}
      done: {outcome: solved, title: ..., body: ...}

Failing::

      old-answer: {outcome: solved, title: ..., body: ...}   # no option leads here
"""

from collections.abc import Iterator

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.rules.graph import reachable

ID = "unreachable"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    if tree.start.value not in tree.nodes or tree.unusable:
        return  # what cannot be read cannot be followed: fix the errors reported first
    seen = reachable(tree)
    for node_id, node in tree.nodes.items():
        if node_id not in seen:
            message = (
                f"node '{node_id}' cannot be reached from the start; "
                "point an answer's 'next' at it, or delete it"
            )
            yield Problem.at(node.pos, LEVEL, ID, message)
