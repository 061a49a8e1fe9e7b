"""What a customer meets on a phone, in every language: nothing scrolls sideways, the
page chrome speaks the page's language, outcomes finish the job (feedback, copy, contact
page, links), and printing an outcome keeps only the answers and the outcome."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import LANGUAGES, BuiltSite, language_prefix
from tree_walks import walks_to_outcomes

from generator.model import Question, Tree
from generator.render import load_ui_strings

Page = Any  # playwright.sync_api.Page
PROBE = "xss-probe"
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}


def url(base_url: str, language: str, path: str = "") -> str:
    return f"{base_url}{language_prefix(language)}{path}"


def trees(built_site: BuiltSite) -> list[Tree]:
    return [t for t in built_site.project.published_trees() if t.id != PROBE]


def paths_to_every_step(tree: Tree) -> dict[str, list[str]]:
    """The shortest answers from the start to every step (questions and outcomes)."""
    found: dict[str, list[str]] = {tree.start.value: []}
    queue = [tree.start.value]
    while queue:
        node = tree.nodes[queue.pop(0)]
        if isinstance(node, Question):
            for option in node.options:
                if option.next not in found:
                    found[option.next] = [*found[node.id], option.id]
                    queue.append(option.next)
    return found


def _context(browser: Any, watch: Any, viewport: dict[str, int], javascript: bool) -> Any:
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch.attach(page)
    return context, page


@pytest.fixture(scope="module")
def phone(browser: Any, watch: Any) -> Iterator[Page]:
    context, page = _context(browser, watch, PHONE, javascript=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield page
    context.close()


@pytest.fixture(scope="module")
def phone_nojs(browser: Any, watch: Any) -> Iterator[Page]:
    context, page = _context(browser, watch, PHONE, javascript=False)
    yield page
    context.close()


@pytest.fixture(scope="module")
def small_phone(browser: Any, watch: Any) -> Iterator[Page]:
    context, page = _context(browser, watch, SMALL_PHONE, javascript=True)
    yield page
    context.close()


# ---------------------------------------------------------------------------------------
# 1. Nothing scrolls sideways.

# Shows each step in turn (as a shared address would) and returns, per step, what pokes
# out: the page's scroll width past its client width, and elements of the troubleshooter
# wider than the viewport.
OVERFLOW_PER_STEP = """async ([tree, steps]) => {
  const root = document.querySelector(`.hc-ts[data-tree="${tree}"]`);
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const found = {};
  for (const [node, answers] of Object.entries(steps)) {
    location.hash = "#" + [tree, ...answers].join("/");
    for (let i = 0; i < 100 && root.querySelector('[aria-current="step"]').dataset.node !== node; i++)
      await frame();
    await frame();
    const page = document.scrollingElement, width = page.clientWidth, problems = [];
    if (root.querySelector('[aria-current="step"]').dataset.node !== node) problems.push("not shown");
    if (page.scrollWidth > width) problems.push(`page ${page.scrollWidth} > ${width}`);
    for (const e of root.querySelectorAll("*")) {
      const r = e.getBoundingClientRect();
      if (r.width && (r.right > width + 0.5 || r.left < -0.5))
        problems.push(`${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    if (problems.length) found[node] = problems.slice(0, 5);
  }
  return found;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_step_of_any_tree_scrolls_sideways_on_a_phone(
    phone: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    for tree in trees(built_site):
        phone.goto("about:blank")
        phone.goto(url(base_url, language, f"troubleshooters/{tree.id}/"))
        steps = paths_to_every_step(tree)
        assert len(steps) == len(tree.nodes)
        wide = phone.evaluate(OVERFLOW_PER_STEP, [tree.id, steps])
        assert wide == {}, f"{language} {tree.id}: {wide}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_step_scrolls_sideways_without_javascript(
    phone_nojs: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = phone_nojs
    for tree in trees(built_site):
        address = url(base_url, language, f"troubleshooters/{tree.id}/")
        page.goto(address)
        for node in tree.nodes:
            page.goto(f"{address}#{tree.id}--{node}")
            width = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            assert width[0] <= width[1], (language, tree.id, node, width)


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as a path from its root ('' for the home page)."""
    folders = (p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return sorted("" if f == "." else f + "/" for f in folders)


def test_no_page_scrolls_sideways_at_320_px(
    small_phone: Page, base_url: str, built_site: BuiltSite
) -> None:
    pages = site_pages(built_site.site_dir)
    assert len(pages) > 5 * 15
    wide = {}
    for path in pages:
        small_phone.goto(base_url + path)
        sizes = small_phone.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        if sizes[0] > sizes[1]:
            wide[path] = sizes
    assert wide == {}


# ---------------------------------------------------------------------------------------
# 2. The interface speaks the page's language.

# Every interface string a customer can see or hear outside the page's own text.
INTERFACE_TEXT = """() => {
  const texts = [];
  const chrome = "header, footer, .md-skip, .md-sidebar .md-nav__title, .hc-ts button, " +
    ".hc-ts .hc-restart, .hc-ts .hc-step__kind, .hc-ts .hc-step__subtitle, .hc-feedback__question, " +
    ".hc-contact p, .hc-contact a, .hc-trail__title";
  for (const e of document.querySelectorAll(chrome)) texts.push(...e.textContent.split("\\n"));
  for (const e of document.querySelectorAll("[aria-label], [placeholder], [title]"))
    for (const a of ["aria-label", "placeholder", "title"]) if (e.hasAttribute(a)) texts.push(e.getAttribute(a));
  return [...new Set(texts.map(t => t.trim()).filter(Boolean))];
}"""

# Material's own English strings that a page could show.
MATERIAL_ENGLISH = {
    "Search",
    "Skip to content",
    "Next",
    "Previous",
    "Made with",
    "Material for MkDocs",
    "Permanent link",
    "Select language",
    "Clear",
    "Share",
    "Table of contents",
    "Navigation",
    "Type to start searching",
    "Initializing search",
    "Back to top",
    "Copy to clipboard",
    "Header",
    "Footer",
}
UI_KEYS = (
    "restart",
    "was_helpful",
    "yes",
    "no",
    "still_need_help",
    "contact_support",
    "contact_intro",
    "copy_summary",
    "your_answers",
    "related_articles",
    "more_links",
    "permalink",
    "outcome_action-needed",
)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_interface_text_is_in_the_page_language(
    phone: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    english = load_ui_strings("en")
    ui = load_ui_strings(language)
    forbidden = MATERIAL_ENGLISH | {english[key] for key in UI_KEYS}
    tree = trees(built_site)[0]
    walk = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
    pages = {
        "home": url(base_url, language),
        "article": url(base_url, language, "orders/cancel-order/"),
        "outcome": url(base_url, language, f"troubleshooters/{tree.id}/")
        + "#"
        + "/".join((tree.id, *walk.answers)),
    }
    for name, address in pages.items():
        phone.goto("about:blank")
        phone.goto(address)
        texts = phone.evaluate(INTERFACE_TEXT)
        english_left = sorted(set(texts) & forbidden)
        assert english_left == [], f"{language} {name}: {english_left}"
        assert "Made with" not in phone.locator("footer").inner_text()
        placeholder = phone.locator("input.md-search__input").get_attribute("placeholder")
        assert placeholder and placeholder != "Search"
        for title in phone.eval_on_selector_all(".headerlink", "ls => ls.map(l => l.title)"):
            assert title == ui["permalink"]
    # The troubleshooter's own buttons are the language's.
    step = phone.locator('[aria-current="step"]')
    for key in ("yes", "no", "copy_summary"):
        assert step.get_by_role("button", name=ui[key], exact=True).count() == 1
    assert step.locator(".hc-contact__link").inner_text() == ui["contact_support"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_title_does_not_repeat_the_site_name(
    phone_nojs: Page, base_url: str, language: str
) -> None:
    page = phone_nojs
    page.goto(url(base_url, language))
    site_name = page.locator(".md-header__topic .md-ellipsis").first.inner_text().strip()
    assert page.title() == site_name
    page.goto(url(base_url, language, "orders/cancel-order/"))
    assert page.title().endswith(f" - {site_name}") and page.title() != f"{site_name} - {site_name}"


# ---------------------------------------------------------------------------------------
# 3. Outcomes that finish the job.


def outcome_address(base_url: str, language: str, tree: Tree, answers: list[str]) -> str:
    return (
        url(base_url, language, f"troubleshooters/{tree.id}/") + "#" + "/".join((tree.id, *answers))
    )


def test_feedback_is_thanked_and_the_question_goes(
    phone: Page, base_url: str, built_site: BuiltSite
) -> None:
    tree = trees(built_site)[0]
    walk = walks_to_outcomes(tree)[0]
    for language in ("en", "lv"):
        ui = load_ui_strings(language)
        phone.goto("about:blank")
        phone.goto(outcome_address(base_url, language, tree, list(walk.answers)))
        box = phone.locator('[aria-current="step"] .hc-feedback')
        assert box.locator(".hc-feedback__question").is_visible()
        box.get_by_role("button", name=ui["no"], exact=True).focus()
        phone.keyboard.press("Enter")
        thanks = box.locator(".hc-feedback__thanks")
        assert thanks.inner_text() == ui["feedback_thanks"] and thanks.is_visible()
        assert not box.locator(".hc-feedback__question").is_visible()
        assert box.locator("button:visible").count() == 0
        assert phone.evaluate("document.activeElement.classList.contains('hc-feedback__thanks')")


def test_without_javascript_no_button_pretends_to_work(
    phone_nojs: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = phone_nojs
    for tree in trees(built_site):
        for walk in walks_to_outcomes(tree):
            page.goto(url(base_url, "nb", f"troubleshooters/{tree.id}/#{tree.id}--{walk.outcome}"))
            step = page.locator(f"#{tree.id}--{walk.outcome}")
            assert step.is_visible()
            assert step.locator("button:visible").count() == 0, walk.outcome
            assert not step.locator(".hc-feedback").is_visible()
            # What is there works: the contact page is a plain link.
            assert step.locator(".hc-contact__link").get_attribute("href").endswith("contact/")


def test_copy_summary_with_the_keyboard_announces_copied(
    phone: Page, base_url: str, built_site: BuiltSite
) -> None:
    tree = trees(built_site)[0]
    walk = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
    ui = load_ui_strings("vi")
    phone.goto("about:blank")
    phone.goto(outcome_address(base_url, "vi", tree, list(walk.answers)))
    step = phone.locator('[aria-current="step"]')
    status = step.locator(".hc-summary__status")
    assert status.get_attribute("role") == "status" and status.inner_text() == ""
    step.get_by_role("button", name=ui["copy_summary"], exact=True).focus()
    phone.keyboard.press("Enter")
    phone.wait_for_function(
        "s => document.querySelector('[aria-current=\"step\"] .hc-summary__status').textContent === s",
        arg=ui["copied"],
    )
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied == step.locator(".hc-summary").text_content()
    for label in step.locator("xpath=..").locator(".hc-trail__answer").all_inner_texts():
        assert label in copied


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_support_opens_the_contact_page_in_the_page_language(
    phone: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    tree = trees(built_site)[1]
    walk = walks_to_outcomes(tree)[0]
    phone.goto("about:blank")
    phone.goto(outcome_address(base_url, language, tree, list(walk.answers)))
    link = phone.locator('[aria-current="step"] .hc-contact__link')
    assert not str(link.get_attribute("href")).startswith("mailto:")
    link.click()
    phone.wait_for_url(url(base_url, language, "contact/"))
    assert phone.locator("html").get_attribute("lang") == language
    assert phone.locator("#partner-program").count() == 1


def built_html(built_site: BuiltSite, language: str, tree: str) -> str:
    path = built_site.site_dir / language_prefix(language) / "troubleshooters" / tree / "index.html"
    return path.read_text(encoding="utf-8")


def step_html(html: str, tree: str, node: str) -> str:
    found = re.search(rf'<section class="hc-step" id="{tree}--{node}".*?</section>', html, re.S)
    assert found, node
    return found[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_outcomes_say_how_to_go_on(built_site: BuiltSite, language: str) -> None:
    refund = built_html(built_site, language, "refund-eligibility")
    cancel = built_html(built_site, language, "why-cant-i-cancel")
    # The billing-date outcome links the refund troubleshooter.
    too_late = step_html(cancel, "why-cant-i-cancel", "cancelled-too-late")
    assert re.search(r'<div class="hc-step__body".*href="\.\./refund-eligibility/"', too_late, re.S)
    # The eligible partner refund says how to ask: steps, the program's site, the contact page.
    eligible = step_html(refund, "refund-eligibility", "partner-eligible")
    assert "<ol>" in eligible and "https://partner.microsoft.com" in eligible
    assert 'href="../../contact/#partner-program"' in eligible
    # "Turn on recurring billing" answers whether a refund is possible and where the rules are.
    expiring = step_html(refund, "refund-eligibility", "already-expiring")
    assert "terms-of-sale" in expiring and "billing/payments" in expiring
    if language == "en":
        assert "Can you get a refund?" in expiring
        xbox = step_html(cancel, "why-cant-i-cancel", "xbox-refund-form")
        assert "has been charged or has shipped" not in xbox and "preorder" in xbox


# ---------------------------------------------------------------------------------------
# 5. Print.


def test_printing_an_outcome_keeps_the_answers_and_the_outcome(
    phone: Page, base_url: str, built_site: BuiltSite
) -> None:
    tree = trees(built_site)[0]
    walk = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
    phone.goto("about:blank")
    phone.goto(outcome_address(base_url, "id", tree, list(walk.answers)))
    try:
        phone.emulate_media(media="print")
        hidden = [
            ".md-header",
            ".md-sidebar--primary",
            ".md-footer",
            ".md-search",
            ".hc-feedback",
            ".hc-contact",
            ".hc-restart",
            ".hc-trail__restart",
            ".hc-trail__change",
            f"#{tree.id}--{tree.start.value}",
        ]
        for selector in hidden:
            shown = phone.locator(selector).evaluate_all(
                "es => es.filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').length"
            )
            assert shown == 0, selector
        assert phone.locator("button:visible").count() == 0
        outcome = phone.locator(f"#{tree.id}--{walk.outcome}-title")
        trail = phone.locator(".hc-trail")
        assert outcome.is_visible() and trail.is_visible()
        assert len(trail.locator(".hc-trail__answer").all_inner_texts()) == len(walk.answers)
        # The answers come first, then the outcome.
        assert trail.bounding_box()["y"] < outcome.bounding_box()["y"]
    finally:
        phone.emulate_media(media="screen")
