"""Two answers of one question, or two links of one outcome, share an id.

Passing::

    options: [{id: shipped, ...}, {id: not-shipped, ...}]

Failing::

    options: [{id: shipped, ...}, {id: shipped, ...}]
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "duplicate-id"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    for node in tree.nodes.values():
        items = node.options if isinstance(node, Question) else node.links
        what = "answer" if isinstance(node, Question) else "link"
        first_line: dict[str, int] = {}
        for item in items:
            folded = item.id.casefold()
            if folded in first_line:
                message = (
                    f"{what} id '{item.id}' is already used on line {first_line[folded]} "
                    f"in '{node.id}'; give each {what} its own id"
                )
                yield Problem.at(item.pos, LEVEL, ID, message)
            else:
                first_line[folded] = item.pos.line
