"""Run writers' scenario tests and measure which answers they cover."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Outcome, Question, Tree
from generator.problems import Problem
from generator.rules import scenario_failed, uncovered_option


@dataclass
class TreeCoverage:
    tree_id: str
    scenarios: int = 0
    passed: int = 0
    edges: int = 0
    covered: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 if self.edges == 0 else 100.0 * self.covered / self.edges


def run_scenarios(tree: Tree) -> TreeCoverage:
    result = TreeCoverage(tree.id, scenarios=len(tree.scenarios))
    taken: set[tuple[str, str]] = set()
    for scenario in tree.scenarios:
        visited, bad_answer = tree.walk([a.value for a in scenario.answers])
        for node, answer in zip(visited, scenario.answers, strict=False):
            taken.add((node.id, answer.value))
        failure = _failure(tree, scenario.expect.value, visited, bad_answer, len(scenario.answers))
        if failure is None:
            result.passed += 1
            continue
        pos = scenario.expect.pos
        if bad_answer is not None:
            pos = next(a.pos for a in scenario.answers if a.value == bad_answer)
        message = f"scenario '{scenario.name}': {failure}"
        result.problems.append(Problem.of(scenario_failed, pos, message))
    if not tree.scenarios and tree.scenarios_path is None:
        message = (
            f"tree '{tree.id}' has no scenarios; add {tree.path.removesuffix('.yml')}.scenarios.yml "
            "with answers and the outcome they must reach"
        )
        result.problems.append(Problem.of(uncovered_option, tree.pos, message))
    for node in tree.nodes.values():
        if not isinstance(node, Question):
            continue
        for option in node.options:
            result.edges += 1
            if (node.id, option.id) in taken:
                result.covered += 1
            elif tree.scenarios:
                message = f"no scenario answers '{option.id}' to question '{node.id}'; add one"
                result.problems.append(Problem.of(uncovered_option, option.pos, message))
    return result


def _failure(tree: Tree, expect: str, visited: list, bad: str | None, count: int) -> str | None:  # type: ignore[type-arg]
    if expect not in tree.nodes:
        return f"expects '{expect}', which is not a node of the tree"
    if not isinstance(tree.nodes[expect], Outcome):
        return f"expects '{expect}', which is a question, not an outcome"
    if bad is not None:
        at = visited[-1]
        choices = (
            ", ".join(o.id for o in at.options)
            if isinstance(at, Question)
            else "none: it is an outcome"
        )
        return f"answer '{bad}' does not fit '{at.id}' (its answers: {choices})"
    last = visited[-1] if visited else None
    if last is None:
        return "the tree has no valid start"
    if not isinstance(last, Outcome):
        return f"after {count} answers it stops at question '{last.id}'; add the remaining answers"
    if last.id != expect:
        return f"the answers lead to '{last.id}', not to '{expect}'"
    return None
