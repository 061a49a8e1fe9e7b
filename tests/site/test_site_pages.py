"""The built site in a real Chromium: accessibility (axe-core),
writer text that must stay text, untranslated pages, embeds and hreflang."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sitekit import LANGUAGES, BuiltSite, language_prefix
from tree_walks import walks_to_outcomes

from generator.render import load_ui_strings
from generator.site.hreflang import ALTERNATE

Page = Any  # playwright.sync_api.Page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PROBE = "xss-probe"
ARTICLE = "orders/cancel-order/"


def url(base_url: str, language: str, path: str = "") -> str:
    return f"{base_url}{language_prefix(language)}{path}"


def axe_violations(page: Page) -> str:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return "" if results.violations_count == 0 else results.generate_report()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violations(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = js_page
    tree = next(t for t in built_site.project.published_trees() if t.id != PROBE)
    walk = max(walks_to_outcomes(tree), key=lambda w: len(w.answers))
    troubleshooter = url(base_url, language, f"troubleshooters/{tree.id}/")
    pages = {
        "home": url(base_url, language),
        "article": url(base_url, language, ARTICLE),
        "question step": troubleshooter,
        "outcome step": troubleshooter + "#" + "/".join((tree.id, *walk.answers)),
    }
    reports = {}
    for name, address in pages.items():
        page.goto("about:blank")
        page.goto(address)
        page.wait_for_selector(".hc-ts.hc-js" if "step" in name else "body")
        if name == "outcome step":
            assert (
                page.locator("[aria-current='step']").get_attribute("data-outcome") == walk.outcome
            )
        if report := axe_violations(page):
            reports[name] = report
    assert not reports, "\n\n".join(f"{name} ({language}):\n{r}" for name, r in reports.items())


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_writer_text_shows_as_text_and_never_runs(
    js_page: Page, nojs_page: Page, base_url: str, built_site: BuiltSite, javascript: bool
) -> None:
    page = js_page if javascript else nojs_page
    tree = built_site.project.trees[PROBE]
    for address in (
        url(base_url, "en", f"troubleshooters/{PROBE}/"),
        url(base_url, "nb", "fixture-untranslated/"),
    ):
        page.goto(address)
        for walk in walks_to_outcomes(tree):
            page.goto(
                address
                + "#"
                + (
                    f"{PROBE}/" + "/".join(walk.answers)
                    if javascript
                    else f"{PROBE}--{walk.outcome}"
                )
            )
            step = page.locator(f"#{PROBE}--{walk.outcome}")
            assert step.is_visible()
            for node in walk.nodes:  # every title reads exactly as typed, tags included
                key = f"{node}.title" if node.endswith("outcome") else f"{node}.question"
                typed = tree.text(key, "en")[0].replace("`", "")
                assert page.locator(f"#{PROBE}--{node}-title").text_content() == typed
            assert page.locator(f".hc-ts[data-tree='{PROBE}'] script").count() == 1
            assert (
                page.locator(
                    f".hc-ts[data-tree='{PROBE}'] img, .hc-ts svg, .hc-ts iframe, .hc-ts b"
                ).count()
                == 0
            )
        assert page.evaluate("window.__xss") is None
    assert page.get_by_text("</script><script>window.__xss=3</script>").count() >= 1
    # Titles and summaries also reach <title>, the navigation and a meta attribute.
    title, summary = (tree.text(key, "en")[0].replace("`", "") for key in ("title", "summary"))
    for address in (f"troubleshooters/{PROBE}/", f"writers/{PROBE}/", "writers/"):
        page.goto(url(base_url, "en", address))
        assert page.evaluate("window.__xss") is None
    page.goto(url(base_url, "en", f"troubleshooters/{PROBE}/"))
    assert page.title().startswith(title + " - ")
    assert page.locator("meta[name=description]").get_attribute("content") == summary
    assert page.locator(".md-nav__link--active").first.inner_text() == title


def test_untranslated_article_is_marked_english_with_a_notice(
    nojs_page: Page, base_url: str
) -> None:
    page = nojs_page
    for language in LANGUAGES:
        page.goto(url(base_url, language, "fixture-untranslated/"))
        assert page.locator("html").get_attribute("lang") == language
        notice = page.locator(".hc-untranslated-page")
        if language == "en":
            assert notice.count() == 0
            continue
        assert notice.inner_text() == load_ui_strings(language)["page_not_translated"]
        heading = page.locator("h1", has_text="Fixture article without translations")
        assert heading.evaluate("h => h.closest('[lang]').lang") == "en"
        # A translated article carries no such notice.
        page.goto(url(base_url, language, ARTICLE))
        assert page.locator(".hc-untranslated-page").count() == 0


def test_embedded_troubleshooter_works_in_an_article(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = js_page
    tree = built_site.project.trees[PROBE]
    walk = walks_to_outcomes(tree)[0]
    page.goto(url(base_url, "id", "fixture-untranslated/"))
    for option in walk.answers:
        page.click(f".hc-ts[data-tree='{PROBE}'] [aria-current='step'] [data-option='{option}']")
    assert page.locator("[aria-current='step']").get_attribute("data-outcome") == walk.outcome
    # The directive inside a code block stays text.
    assert page.locator("pre code", has_text="::: troubleshooter xss-probe").count() == 1


def test_hreflang_alternates_are_absolute_with_x_default(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page = js_page
    tree = built_site.project.published_trees()[0]
    page.goto(url(base_url, "vi", f"troubleshooters/{tree.id}/"))
    links = page.eval_on_selector_all(
        "link[rel=alternate][hreflang]", "ls => ls.map(l => [l.hreflang, l.getAttribute('href')])"
    )
    expected = {
        lang: f"https://help.example.com/{language_prefix(lang)}troubleshooters/{tree.id}/"
        for lang in LANGUAGES
    }
    expected["x-default"] = expected["en"]
    assert dict(links) == expected and len(links) == len(expected)


def test_the_404_page_switches_language_to_each_language_home(built_site: BuiltSite) -> None:
    """static-i18n left the 404 page (built before each language's pages) with the
    switcher of the previous language's last page, a writers' page; see
    generator/site/mkdocs_i18n.reset_language_switcher."""
    page = (built_site.site_dir / "404.html").read_text(encoding="utf-8")
    alternates = [(m["href"], m["lang"]) for m in ALTERNATE.finditer(page)]
    switcher = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">', page)
    homes = [(f"/{language_prefix(lang)}", lang) for lang in LANGUAGES]
    assert alternates == homes
    assert switcher == homes
