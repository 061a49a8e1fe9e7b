"""Paths through a tree, derived from the model (never hard-coded), for the browser tests."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from generator.model import Outcome, Question, Tree


@dataclass(frozen=True)
class Walk:
    answers: tuple[str, ...]  # option ids from the start
    nodes: tuple[str, ...]  # node ids visited, start first, outcome last

    @property
    def outcome(self) -> str:
        return self.nodes[-1]


def walks_to_outcomes(tree: Tree) -> list[Walk]:
    """The shortest walk to every outcome reachable from the start."""
    found: dict[str, Walk] = {}
    queue = deque([Walk((), (tree.start.value,))])
    seen = set()
    while queue:
        walk = queue.popleft()
        node = tree.nodes[walk.nodes[-1]]
        if node.id in seen:
            continue
        seen.add(node.id)
        if isinstance(node, Outcome):
            found.setdefault(node.id, walk)
        elif isinstance(node, Question):
            for option in node.options:
                queue.append(Walk((*walk.answers, option.id), (*walk.nodes, option.next)))
    return sorted(found.values(), key=lambda w: w.answers)


def follow(tree: Tree, answers: list[str], remembered: dict[str, str]) -> list[str]:
    """What the page does after an answer changes: walk `answers`, then keep following
    the remembered answer of each question reached while it still fits."""
    node = tree.start.value
    for answer in answers:
        question = tree.nodes[node]
        assert isinstance(question, Question)
        option = question.option(answer)
        assert option is not None
        node = option.next
    answers = list(answers)
    while isinstance(question := tree.nodes[node], Question):
        option = question.option(remembered.get(node, ""))
        if option is None:
            break
        answers.append(option.id)
        node = option.next
    return answers


def all_walks(tree: Tree, limit: int = 5000) -> list[Walk]:
    """Every walk from the start to an outcome (trees are small and acyclic)."""
    found: list[Walk] = []
    stack = [Walk((), (tree.start.value,))]
    while stack and len(found) < limit:
        walk = stack.pop()
        node = tree.nodes[walk.nodes[-1]]
        if isinstance(node, Outcome):
            found.append(walk)
        elif isinstance(node, Question):
            for option in node.options:
                stack.append(Walk((*walk.answers, option.id), (*walk.nodes, option.next)))
    return found


def kept_answer_case(tree: Tree) -> tuple[Walk, str, list[str]] | None:
    """A walk and another first answer after which a later answer of the walk still
    applies (the same question comes up again), with the answers the page should end at."""
    start = tree.nodes[tree.start.value]
    assert isinstance(start, Question)
    for walk in all_walks(tree):
        remembered = dict(zip(walk.nodes, walk.answers, strict=False))
        for option in start.options:
            if option.id != walk.answers[0]:
                expected = follow(tree, [option.id], remembered)
                if len(expected) > 1:
                    return walk, option.id, expected
    return None
