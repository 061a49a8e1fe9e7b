"""Walk every troubleshooter to every outcome in every language, with and without
JavaScript, by clicking in a real Chromium; plus changing answers, reload, back/forward
and the language switcher."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from sitekit import LANGUAGES, BuiltSite, language_prefix
from tree_walks import Walk, kept_answer_case, walks_to_outcomes

from generator.model import Tree
from generator.render import load_ui_strings
from generator.trail import TRAIL_LIMIT

if TYPE_CHECKING:
    from playwright.sync_api import Page


def page_url(base_url: str, language: str, tree: Tree) -> str:
    return f"{base_url}{language_prefix(language)}troubleshooters/{tree.id}/"


# One round trip for everything a walk checks after a click (works without page JS too).
STATE = """tree => {
  const root = document.querySelector(`.hc-ts[data-tree="${tree}"]`);
  const shown = s => getComputedStyle(s).display !== "none" && getComputedStyle(s).visibility !== "hidden";
  const current = root.querySelector('[aria-current="step"]');
  return {
    current: current && current.dataset.node,
    outcome: current && current.dataset.outcome,
    visible: [...root.querySelectorAll(".hc-step")].filter(shown).map(s => s.dataset.node),
    hash: decodeURIComponent(location.hash),
    trail: root.querySelectorAll(".hc-trail__answer").length,
    focused: document.activeElement.id,
    live: root.querySelector(".hc-live").textContent,
  };
}"""


def state(page: Page, tree: Tree) -> dict[str, Any]:
    return dict(page.evaluate(STATE, tree.id))


def current(page: Page, tree: Tree) -> str:
    return str(
        page.locator(f'.hc-ts[data-tree="{tree.id}"] [aria-current="step"]').get_attribute(
            "data-node"
        )
    )


def trail(page: Page, tree: Tree) -> list[str]:
    return page.locator(f'.hc-ts[data-tree="{tree.id}"] .hc-trail__answer').all_inner_texts()


def answer(page: Page, tree: Tree, option: str) -> None:
    page.click(f'.hc-ts[data-tree="{tree.id}"] [aria-current="step"] [data-option="{option}"]')


def walk_with_js(page: Page, tree: Tree, walk: Walk) -> dict[str, Any]:
    assert current(page, tree) == walk.nodes[0]
    now: dict[str, Any] = {}
    for option, expected in zip(walk.answers, walk.nodes[1:], strict=True):
        answer(page, tree, option)
        now = state(page, tree)
        assert now["current"] == expected and now["visible"] == [expected], now
    return now


def trees(built_site: BuiltSite) -> list[Tree]:
    return built_site.project.published_trees()


@pytest.mark.parametrize("language", LANGUAGES)
def test_walk_every_tree_to_every_outcome_with_javascript(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = js_page
    for tree in trees(built_site):
        page.goto(page_url(base_url, language, tree))
        root = f'.hc-ts[data-tree="{tree.id}"]'
        for walk in walks_to_outcomes(tree):
            now = walk_with_js(page, tree, walk)
            assert now["outcome"] == walk.outcome
            assert now["hash"] == "#" + "/".join((tree.id, *walk.answers))
            assert now["trail"] == len(walk.answers)
            # Focus is on the new step's heading, and the live region announces it.
            assert now["focused"] == f"{tree.id}--{walk.outcome}-title"
            title = page.locator(f"#{tree.id}--{walk.outcome}-title").inner_text()
            assert title in now["live"]
            page.click(f"{root} [aria-current='step'] .hc-restart")
            assert state(page, tree)["visible"] == [tree.start.value]


@pytest.mark.parametrize("language", LANGUAGES)
def test_walk_every_tree_to_every_outcome_without_javascript(
    nojs_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = nojs_page
    for tree in trees(built_site):
        page.goto(page_url(base_url, language, tree))
        walks = walks_to_outcomes(tree)
        for walk in walks:
            assert state(page, tree)["visible"] == [walk.nodes[0]]
            for at, option in enumerate(walk.answers):
                expected = walk.nodes[at + 1]
                page.click(f'#{tree.id}--{walk.nodes[at]} [data-option="{option}"]')
                now = state(page, tree)
                assert now["hash"] == f"#{tree.id}--{expected}" and now["visible"] == [expected], (
                    now
                )
            if walk == walks[-1]:  # the back button goes one step back (once a tree: slow)
                page.go_back()
                assert state(page, tree)["visible"] == [walk.nodes[-2]]
                page.go_forward()
                assert state(page, tree)["visible"] == [walk.outcome]
            page.click(f"#{tree.id}--{walk.outcome} .hc-restart")


def test_reload_back_and_forward(js_page: Page, base_url: str, built_site: BuiltSite) -> None:
    page = js_page
    for tree in trees(built_site):
        longest = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
        page.goto(page_url(base_url, "en", tree))
        walk_with_js(page, tree, longest)
        before = trail(page, tree)
        page.reload()  # the same step with the same trail
        assert current(page, tree) == longest.outcome and trail(page, tree) == before
        page.go_back()  # back and forward move through the steps
        assert current(page, tree) == longest.nodes[-2] and trail(page, tree) == before[:-1]
        page.go_forward()
        assert current(page, tree) == longest.outcome and trail(page, tree) == before


def change_first_answer(page: Page, url: str, tree: Tree, walk: Walk, option: str) -> None:
    root = f'.hc-ts[data-tree="{tree.id}"]'
    page.goto(url + "#" + "/".join((tree.id, *walk.answers)))
    page.locator(f"{root} .hc-trail__change").first.click()
    assert current(page, tree) == tree.start.value
    chosen = page.locator(f'{root} [aria-current="step"] [data-option="{walk.answers[0]}"]')
    assert chosen.get_attribute("aria-current") == "true"  # the answer given before
    answer(page, tree, option)


def test_change_an_earlier_answer_keeps_later_answers_that_still_apply(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = js_page
    cases = [(tree, case) for tree in trees(built_site) if (case := kept_answer_case(tree))]
    assert cases, "no tree where a changed answer leads back to a question answered before"
    for tree, (walk, other, expected) in cases:
        page.goto("about:blank")
        change_first_answer(page, page_url(base_url, "en", tree), tree, walk, other)
        assert page.url.endswith("#" + "/".join((tree.id, *expected)))
        assert len(trail(page, tree)) == len(expected)
        # The same answer again: every later answer still applies.
        page.goto("about:blank")
        change_first_answer(page, page_url(base_url, "en", tree), tree, walk, walk.answers[0])
        assert current(page, tree) == walk.outcome
        assert page.url.endswith("#" + "/".join((tree.id, *walk.answers)))


def test_language_switcher_keeps_the_troubleshooter_and_step(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = js_page
    tree = trees(built_site)[0]
    walk = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
    page.goto(page_url(base_url, "en", tree))
    walk_with_js(page, tree, walk)
    for language in ("id", "nb", "en"):
        page.hover(".md-header__option .md-select")
        page.click(f'a.md-select__link[hreflang="{language}"]')
        page.wait_for_url(page_url(base_url, language, tree) + "#**")
        assert current(page, tree) == walk.outcome
        assert len(trail(page, tree)) == len(walk.answers)
        ui = load_ui_strings(language)
        assert page.locator(".hc-trail__title").inner_text() == ui["your_answers"]


def test_outcome_contact_route_carries_the_answers(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = js_page
    tree = trees(built_site)[0]
    walk = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
    page.goto(page_url(base_url, "en", tree))
    walk_with_js(page, tree, walk)
    step = page.locator('[aria-current="step"]')
    summary = step.locator(".hc-summary").inner_text()
    for label in trail(page, tree):
        assert label in summary
    # The sample's contact_url is its contact article, linked relatively.
    assert step.locator(".hc-contact__link").get_attribute("href") == "../../contact/"


def test_feedback_dispatches_a_documented_event_and_sends_nothing(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = js_page
    tree = trees(built_site)[0]
    walk = walks_to_outcomes(tree)[0]
    page.goto(page_url(base_url, "id", tree))
    page.evaluate(
        "window.__feedback = [];"
        "document.addEventListener('helpcenter:feedback', e => window.__feedback.push(e.detail))"
    )
    walk_with_js(page, tree, walk)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    step = page.locator('[aria-current="step"]')
    step.get_by_role("button", name=load_ui_strings("id")["yes"], exact=True).click()
    detail = page.evaluate("window.__feedback")
    assert detail == [
        {
            "tree": tree.id,
            "outcome": walk.outcome,
            "language": "id",
            "helpful": True,
            "answers": list(walk.answers),
        }
    ]
    assert (
        step.locator(".hc-feedback__thanks").inner_text()
        == load_ui_strings("id")["feedback_thanks"]
    )
    assert requests == [] and page.context.cookies() == []


def shortest_answers(tree: Tree) -> dict[str, list[tuple[str, str]]]:
    """Every reachable step's shortest path of (question, answer), first answer first."""
    paths: dict[str, list[tuple[str, str]]] = {tree.start.value: []}
    queue = [tree.start.value]
    for node_id in queue:
        for option in getattr(tree.nodes[node_id], "options", []):
            if option.next not in paths:
                paths[option.next] = [*paths[node_id], (node_id, option.id)]
                queue.append(option.next)
    return paths


def words(text: str | None) -> str:
    return " ".join((text or "").split())


def q_answer(question: str, answer: str) -> str:
    return f'{question} [data-option="{answer}"]'


VISIBLE_TRAIL = """step => [...document.getElementById(step).querySelectorAll(".hc-trail li")]
  .filter(li => li.offsetParent !== null)
  .map(li => li.querySelector(".hc-trail__question")
    ? [li.querySelector(".hc-trail__question").textContent,
       li.querySelector(".hc-trail__answer").textContent,
       li.querySelector(".hc-trail__question").getAttribute("href")]
    : ["(earlier)", "", li.querySelector("a").getAttribute("href")])"""


@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_step_opened_by_its_link_shows_its_answers_without_javascript(
    nojs_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    """What a search result or a shared #tree--node link opens: the step, and under it the
    answers that lead there by the shortest path, each question a link to change it."""
    page = nojs_page
    for tree in trees(built_site):
        page.goto(page_url(base_url, language, tree))
        for node_id, path in shortest_answers(tree).items():
            page.goto(f"{page_url(base_url, language, tree)}#{tree.id}--{node_id}")
            assert state(page, tree)["visible"] == [node_id]
            listed = path[-TRAIL_LIMIT:]  # a long path: its last answers, and a link
            expected = (
                [["(earlier)", "", f"#{tree.id}--{listed[0][0]}"]] if path[:-TRAIL_LIMIT] else []
            )
            expected += [
                [
                    words(page.locator(f"#{tree.id}--{question}-title").text_content()),
                    words(page.locator(f"#{tree.id}--{q_answer(question, answer)}").text_content()),
                    f"#{tree.id}--{question}",
                ]
                for question, answer in listed
            ]
            shown = page.evaluate(VISIBLE_TRAIL, f"{tree.id}--{node_id}")
            assert [[words(q), words(a), href] for q, a, href in shown] == expected
            if path:  # the last question listed opens its step, to change the answer
                page.click(f"#{tree.id}--{node_id} .hc-trail__question >> nth=-1")
                assert state(page, tree)["visible"] == [path[-1][0]]
