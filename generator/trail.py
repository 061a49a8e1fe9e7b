"""The answers that lead to each step by the shortest path from the start: the trail a
reader without JavaScript sees on a step opened by its own link (a search result, a
shared `#tree--node` address), each question a link back to its step to change the
answer.

The page script finds the same path (breadth first, answers in the order written), so a
step shows the same trail with and without JavaScript. Only the last `limit` answers are
listed: a chain of 2,000 questions would otherwise put two million answers on its page.
The first listed question's own step lists the answers before it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

TRAIL_LIMIT = 8

# A question's answers in the order written: (answer id, the step it leads to).
Answers = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Trail:
    """The answers (question id, answer id) leading to a step, oldest first; `earlier`
    says that answers before the first one are not listed."""

    answers: tuple[tuple[str, str], ...]
    earlier: bool


def shortest_trails(
    start: str, questions: Mapping[str, Answers], limit: int = TRAIL_LIMIT
) -> dict[str, Trail]:
    """The trail of every step reachable from `start` (the start's is empty). Linear in
    the tree's size: each step keeps its parent's answer only."""
    parent: dict[str, tuple[str, str] | None] = {start: None}  # in breadth-first order
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for answer, following in questions.get(node, ()):
            if following not in parent:
                parent[following] = (node, answer)
                queue.append(following)
    trails: dict[str, Trail] = {}
    for node in parent:
        answers: list[tuple[str, str]] = []
        step = parent[node]
        while step is not None and len(answers) < limit:
            answers.append(step)
            step = parent[step[0]]
        trails[node] = Trail(tuple(reversed(answers)), earlier=step is not None)
    return trails


@dataclass(frozen=True)
class TrailEntry:
    """One answer as the trail shows it: the question (its step's element id and plain
    text) and the answer given, each with its `lang` when it fell back to another."""

    question_dom_id: str
    question: str
    question_lang: str | None
    answer: str
    answer_lang: str | None


def trail_item(entry: TrailEntry) -> Markup:
    """One answer of a trail (the same in every trail it is on: made once per answer):
    the question, a link back to its step to change the answer, then the answer. Kept
    short: a deep step lists 8 of them, and a 2,000-step page has 16,000."""
    # An f-string of escaped parts, as Markup.format would make it: a large tree has
    # thousands of answers in every language, and Markup.format is five times slower.
    return Markup(
        f'<li><a class="hc-trail__question" href="#{escape(entry.question_dom_id)}"'
        f"{_lang(entry.question_lang)}>{escape(entry.question)}</a> "
        f'<span class="hc-trail__answer"{_lang(entry.answer_lang)}>{escape(entry.answer)}</span></li>'
    )


def trail_html(
    items: Sequence[Markup], earlier_dom_id: str | None, ui: Mapping[str, str]
) -> Markup:
    """The trail for readers without JavaScript, in a <noscript>: the page script shows its
    own, and a page with JavaScript does not build these elements at all. Search leaves
    it out: the questions are found in their own steps. `earlier_dom_id`: the step whose
    own trail lists the answers before these."""
    if not items:
        return Markup("")
    earlier = (
        Markup('<li><a href="#{}">{}</a></li>').format(earlier_dom_id, ui["earlier_answers"])
        if earlier_dom_id
        else Markup("")
    )
    title = escape(ui["your_answers"])
    return Markup(
        f'<noscript data-pagefind-ignore="all"><nav class="hc-trail" aria-label="{title}">'
        f'<h3 class="hc-trail__title">{title}</h3><ol class="hc-trail__list">{earlier}'
        f"{Markup('').join(items)}</ol></nav></noscript>"
    )


def _lang(lang: str | None) -> Markup:
    return Markup(' lang="{}"').format(lang) if lang else Markup("")
