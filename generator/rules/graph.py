"""Graph helpers shared by the structure rules."""

from __future__ import annotations

from collections import deque

from generator.model import Outcome, Question, Tree


def successors(tree: Tree, node_id: str) -> list[str]:
    node = tree.nodes.get(node_id)
    if not isinstance(node, Question):
        return []
    return [o.next for o in node.options if o.next in tree.nodes]


def reachable(tree: Tree) -> set[str]:
    start = tree.start.value
    if start not in tree.nodes:
        return set()
    seen = {start}
    queue = deque([start])
    while queue:
        for nxt in successors(tree, queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def reaches_outcome(tree: Tree) -> set[str]:
    """Nodes from which some path ends at an outcome (walking the edges backwards)."""
    parents: dict[str, list[str]] = {}
    for node_id in tree.nodes:
        for nxt in successors(tree, node_id):
            parents.setdefault(nxt, []).append(node_id)
    good = {nid for nid, node in tree.nodes.items() if isinstance(node, Outcome)} | tree.unusable
    queue = deque(good)
    while queue:
        for parent in parents.get(queue.popleft(), []):
            if parent not in good:
                good.add(parent)
                queue.append(parent)
    return good
