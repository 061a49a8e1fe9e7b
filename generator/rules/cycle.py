"""An answer leads back to a question already asked on the same path.

Passing::

    a: {question: ..., options: [{id: x, label: X, next: b}]}
    b: {question: ..., options: [{id: y, label: Y, next: done}, ...]}

Failing::

    b: {question: ..., options: [{id: y, label: Y, next: a}, ...]}   # a -> b -> a
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "cycle"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    # Iterative depth-first search; a back edge to a node on the current path is a cycle.
    state: dict[str, int] = {}  # 1 = on the path, 2 = done
    roots = [tree.start.value] if tree.start.value in tree.nodes else []
    roots += list(tree.nodes)
    for root in roots:
        if root in state:
            continue
        path = [root]
        state[root] = 1
        stack = [iter(_options(tree, root))]
        while stack:
            option = next(stack[-1], None)
            if option is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            target = option.next
            if state.get(target) == 1:
                loop = path[path.index(target) :] + [target]
                message = (
                    f"answer '{option.id}' leads back to '{target}', which was already asked "
                    f"({' -> '.join(loop)}); lead it to a new node instead"
                )
                yield Problem.at(option.next_pos, LEVEL, ID, message)
            elif target not in state and target in tree.nodes:
                state[target] = 1
                path.append(target)
                stack.append(iter(_options(tree, target)))


def _options(tree: Tree, node_id: str) -> list:  # type: ignore[type-arg]
    node = tree.nodes[node_id]
    return list(node.options) if isinstance(node, Question) else []
