"""`start` or an answer's `next` names a node that does not exist.

Passing::

    start: what
    nodes:
      what:
        question: What do you want to cancel?
        options:
          - {id: order, label: An order, next: order-steps}
      order-steps: {outcome: solved, title: ..., body: ...}

Failing::

          - {id: order, label: An order, next: order-step}   # no node 'order-step'
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.suggest import did_you_mean

ID = "dangling-next"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    names = list(tree.nodes)
    if (
        tree.start.value
        and tree.start.value not in tree.nodes
        and tree.start.value not in tree.unusable
    ):
        hint = did_you_mean(tree.start.value, names) or "; name one of the nodes below"
        yield Problem.at(
            tree.start.pos,
            LEVEL,
            ID,
            f"'start' names node '{tree.start.value}', which does not exist{hint}",
        )
    for node in tree.nodes.values():
        if not isinstance(node, Question):
            continue
        for option in node.options:
            if option.next not in tree.nodes and option.next not in tree.unusable:
                hint = (
                    did_you_mean(option.next, names)
                    or "; add that node or point to an existing one"
                )
                message = f"answer '{option.id}' leads to node '{option.next}', which does not exist{hint}"
                yield Problem.at(option.next_pos, LEVEL, ID, message)
