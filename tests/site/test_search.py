"""Search (Pagefind, one index per language) in the built site and in a real Chromium:
what is indexed, that each language finds only its own pages, stemming, results that open
a troubleshooter step, the box without JavaScript, and accessibility. Every wait is for a
condition with a generous limit: the tests hold on a busy machine."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from sitekit import LANGUAGES, BuiltSite, language_prefix, tree_digest
from test_site_pages import AXE_TAGS, PROBE, axe_violations, url

from generator.model import Question, Tree

Page = Any  # playwright.sync_api.Page

WAIT_MS = 60_000  # a generous limit for a condition, never a fixed sleep
ARTICLE = "orders/cancel-order/"
# Pagefind's language of each index, and whether it stems (a language-specific WASM).
PAGEFIND_LANGUAGE = {"en": "en", "id": "id", "vi": "vi", "lv": "lv", "nb": "no"}
STEMMED = {"en", "id", "nb"}
# A word with an affix that is not in the language's text, and its bare form that is.
STEMMED_FORMS = {"id": ("pengembaliannya", "pengembalian"), "nb": ("refusjonene", "refusjon")}


def results(page: Page, query: str) -> list[str]:
    """Type `query` key by key into the header's search box; the result links once the
    results of exactly this query are shown."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.wait_for_function(
        """q => { const m = document.querySelector('.md-search-result__meta');
                  return m && m.dataset.query === q && m.dataset.state === 'done'; }""",
        arg=query.strip(),
        timeout=WAIT_MS,
    )
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")  # type: ignore[no-any-return]


def shortest_answers(tree: Tree, target: str) -> list[str]:
    queue: deque[tuple[str, list[str]]] = deque([(tree.start.value, [])])
    seen = set()
    while queue:
        node_id, answers = queue.popleft()
        if node_id == target:
            return answers
        node = tree.nodes[node_id]
        if node_id in seen or not isinstance(node, Question):
            continue
        seen.add(node_id)
        queue.extend((option.next, [*answers, option.id]) for option in node.options)
    raise AssertionError(f"{target} is not reachable")


def deepest_question(tree: Tree) -> str:
    questions = [n.id for n in tree.nodes.values() if isinstance(n, Question)]
    return max(questions, key=lambda n: (len(shortest_answers(tree, n)), n))


def first_tree(built_site: BuiltSite) -> Tree:
    return next(t for t in built_site.project.published_trees() if t.id != PROBE)


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text))


def section_heading(site_dir: Path, language: str) -> tuple[str, str]:
    """(id, text) of the article's second section heading in that language."""
    source = (site_dir / language_prefix(language) / ARTICLE / "index.html").read_text("utf-8")
    found = re.findall(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', source)
    anchor, text = found[1]
    return anchor, html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def search_axe_violations(page: Page) -> str:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    found = Axe().run(page, context=".hc-search", options=options)
    return "" if found.violations_count == 0 else found.generate_report()


def assert_only_language(hrefs: list[str], base_url: str, language: str) -> None:
    others = [lang for lang in LANGUAGES if lang not in (language, "en")]
    for href in hrefs:
        path = href[len(base_url) :]
        assert href.startswith(base_url + language_prefix(language)), href
        assert not any(path.startswith(f"{other}/") for other in others), href


# ---------------------------------------------------------------------------------------
# The built site


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_pagefind_index_per_language(built_site: BuiltSite, language: str) -> None:
    folder = built_site.site_dir / language_prefix(language) / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
    code = PAGEFIND_LANGUAGE[language]
    assert list(entry["languages"]) == [code]
    # Stemming is a language-specific WASM; vi and lv have none in Pagefind.
    assert (entry["languages"][code]["wasm"] == code) == (language in STEMMED)
    assert (folder / "pagefind.js").is_file()
    assert not list(folder.glob("pagefind-*ui*")), "Pagefind's unused interfaces"


def test_no_lunr_search_in_the_output(built_site: BuiltSite) -> None:
    site = built_site.site_dir
    assert not list(site.rglob("search_index.json"))
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not (site / "assets" / "javascripts" / "workers").exists()
    assert 'data-md-component="search"' not in (site / "index.html").read_text("utf-8")


def test_indexing_the_pages_searchable_copies_writes_the_same_index_as_the_whole_pages(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    """During the build Pagefind reads only each page's searchable part (search.py's
    searchable_copy); indexing the built site's whole pages afterwards must give the same
    files, byte for byte, in every language."""
    from generator.search import INDEX_FOLDER, index_site

    site = tmp_path / "site"
    shutil.copytree(built_site.site_dir, site, ignore=shutil.ignore_patterns(INDEX_FOLDER))
    index_site(site, {lang: language_prefix(lang) for lang in LANGUAGES}, "en")
    for language in LANGUAGES:
        folder = Path(language_prefix(language), INDEX_FOLDER)
        built = tree_digest(built_site.site_dir / folder)
        again = tree_digest(site / folder)
        assert len(built) > 20 and built == again, language


def test_pagefind_indexes_the_copy_a_build_hands_over_and_any_other_page_whole(
    tmp_path: Path,
) -> None:
    """The build hands each page over as it writes it (plugin's on_post_page); a page it
    did not hand over (a theme's 404.html) is read from the site as it is."""
    from generator.search import SEARCHABLE_END, SEARCHABLE_START, IndexRuns
    from generator.search_common_words import fragment_text

    def page(text: str) -> str:
        return (
            f'<html lang="en"><head><title>T</title></head><body><nav>menu</nav>'
            f"{SEARCHABLE_START}<h1>{text}</h1><p>{text}</p></div>{SEARCHABLE_END}</body></html>"
        )

    (tmp_path / "handed").mkdir()
    (tmp_path / "handed" / "index.html").write_text(page("ondisk"), "utf-8")
    (tmp_path / "404.html").write_text(page("notfound"), "utf-8")
    runs = IndexRuns(tmp_path, {"en": ""}, "en", copies=True)
    runs.copy("handed/index.html", page("handedover"))
    runs.finish()
    fragments = (tmp_path / "pagefind" / "fragment").glob("*.pf_fragment")
    texts = sorted(fragment_text(path) for path in fragments)
    assert texts == ["handedover. handedover.", "notfound. notfound."]


def test_a_searchable_copy_ends_at_the_templates_mark_whatever_the_text_holds() -> None:
    from generator.search import SEARCHABLE_END, SEARCHABLE_START, searchable_copy

    text = f"<p>{SEARCHABLE_END} and {SEARCHABLE_START} as text</p>"
    page = (
        '<!doctype html>\n<html lang="nb" class="no-js"><head><meta charset="utf-8">'
        "<title>Refusjon - Hjelp</title><link rel=stylesheet href=x.css></head><body>"
        f"<nav>menu</nav>{SEARCHABLE_START}<h1>Refusjon</h1>{text}</div>{SEARCHABLE_END}"
        "<footer>bunn</footer></body></html>"
    )
    assert searchable_copy(page) == (
        '<!doctype html>\n<html lang="nb" class="no-js"><head><meta charset="utf-8">'
        f"<title>Refusjon - Hjelp</title></head><body>{SEARCHABLE_START}<h1>Refusjon</h1>"
        f"{text}</div></body></html>"
    )
    assert searchable_copy("<html><body><p>writers' page</p></body></html>") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_pagefinds_webassembly_is_gzipped_smaller_than_gzip_can(
    built_site: BuiltSite, language: str
) -> None:
    """Every first search fetches it: generator/search_compress.py gzips it again with
    Zopfli (the search tests in the browser show that Pagefind still reads it)."""
    from generator.search_common_words import SIGNATURE

    folder = built_site.site_dir / language_prefix(language) / "pagefind"
    wasm = list(folder.glob("wasm.*.pagefind"))
    assert wasm
    for path in wasm:
        data = path.read_bytes()
        inflated = gzip.decompress(data)
        assert inflated.startswith(SIGNATURE)
        assert len(data) < 0.97 * len(gzip.compress(inflated, 9)), path.name


def test_a_file_zopfli_cannot_make_smaller_is_kept_as_it_is() -> None:
    from generator.search_compress import smaller_gzip

    assert smaller_gzip(b"not gzip") == b"not gzip"
    tiny = gzip.compress(b"", 9)
    assert smaller_gzip(tiny) == tiny


def test_index_chunks_are_smaller_than_pagefinds_default(tmp_path: Path) -> None:
    """A search fetches one index chunk per word: generator/search.py asks Pagefind for
    chunks of INDEX_CHUNK_SIZE word locations instead of its 20,000 (through an
    environment variable the pinned Pagefind reads; this fails if it stops taking
    effect)."""
    from generator.search import INDEX_CHUNK_SIZE, index_site

    words = [f"word{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{n}" for n in range(12_000)]
    body = " ".join(f"<p>{' '.join(words[n : n + 20])}</p>" for n in range(0, len(words), 20))
    (tmp_path / "index.html").write_text(
        f'<html lang="en"><head><title>T</title></head><body data-pagefind-body>'
        f"<h1>Words</h1>{body}</body></html>",
        encoding="utf-8",
    )
    index_site(tmp_path, {"en": ""}, "en")
    chunks = list((tmp_path / "pagefind" / "index").glob("*.pf_index"))
    # A word at one location counts 2: Pagefind's default makes 2 chunks of these words.
    expected = 2 * len(words) // INDEX_CHUNK_SIZE
    assert len(chunks) >= max(3, expected // 2), (len(chunks), expected)


def test_words_on_most_pages_with_more_locations_than_a_chunk_are_listed(
    tmp_path: Path,
) -> None:
    """generator/search_common_words.py lists, beside each index, the words the search
    box leaves out of a longer query: on at least half the pages AND with more locations
    than a chunk holds (only then is their chunk larger than the others)."""
    from generator.search import INDEX_CHUNK_SIZE, index_site
    from generator.search_common_words import FILE_NAME

    many = INDEX_CHUNK_SIZE // 3 + 1  # per page, on 4 pages: more than a chunk in all
    for number in range(4):
        text = " ".join(["common"] * many + ["everywhere"])
        if number == 0:
            text += " clustered" * (INDEX_CHUNK_SIZE + 1)  # many, but on one page
        if number < 2:
            text += " half" * (INDEX_CHUNK_SIZE // 2 + 1)  # on half of the pages
        (tmp_path / f"p{number}.html").write_text(
            f'<html lang="en"><head><title>T</title></head><body data-pagefind-body>'
            f"<h1>Page {number}</h1><p>{text}</p></body></html>",
            encoding="utf-8",
        )
    index_site(tmp_path, {"en": ""}, "en")
    listed = json.loads((tmp_path / "pagefind" / FILE_NAME).read_text("utf-8"))
    assert listed == ["common", "half"]


def test_only_customer_pages_in_their_language_are_searchable(built_site: BuiltSite) -> None:
    site = built_site.site_dir

    def searchable(path: str) -> bool:
        return "data-pagefind-body" in (site / path / "index.html").read_text("utf-8")

    tree = first_tree(built_site)
    for language in LANGUAGES:
        prefix = language_prefix(language)
        assert searchable(prefix + ARTICLE)
        assert searchable(prefix + f"troubleshooters/{tree.id}/")
        assert not searchable(prefix + "writers/")
        assert not searchable(prefix + f"writers/{tree.id}/")
        # An English fallback copy inside another language's folder.
        assert searchable(prefix + "fixture-untranslated/") == (language == "en")


# ---------------------------------------------------------------------------------------
# In the browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_question_and_a_section_only_in_the_page_language(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = js_page
    tree = first_tree(built_site)
    node = deepest_question(tree)
    question = tree.text(f"{node}.question", language)[0]
    page.goto(url(base_url, language, ARTICLE))
    found = results(page, words(question))
    step = url(base_url, language, f"troubleshooters/{tree.id}/#{tree.id}--{node}")
    assert step in found, (question, found)
    assert_only_language(found, base_url, language)

    anchor, heading = section_heading(built_site.site_dir, language)
    found = results(page, words(heading))
    assert url(base_url, language, f"{ARTICLE}#{anchor}") in found, (heading, found)
    assert_only_language(found, base_url, language)


def test_a_common_word_is_left_out_of_a_query_with_other_words(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    """The box asks Pagefind without the words its index lists as common (none on this
    small site: the list is replaced here), unless no other word remains. What Pagefind
    was asked shows in the excerpts: it marks the words it searched for."""
    page = js_page
    tree = first_tree(built_site)
    title = words(tree.text("title", "en")[0])
    word = max(title.split(), key=len)
    listed: list[str] = []
    route = "**/pagefind/hc-common-words.json"
    page.route(route, lambda r: r.fulfill(json=listed))

    def marked(query: str) -> set[str]:
        page.goto("about:blank")
        page.goto(url(base_url, "en"))
        assert results(page, query)
        return {
            m.lower() for m in page.locator(".hc-search-result__excerpt mark").all_inner_texts()
        }

    try:
        assert word.lower() in marked(title)  # not listed: searched for, and marked
        listed.append(word.lower())
        assert word.lower() not in marked(title)
        assert word.lower() not in marked(title.replace(word, word.upper()))
        assert word.lower() in marked(word)  # alone, it is searched for
    finally:
        page.unroute(route)


def test_more_results_come_on_request_and_focus_moves_to_them(
    js_page: Page, base_url: str, built_site: BuiltSite
) -> None:
    """The first 5 results are shown (each result's text is a file to fetch); a button
    adds the next 5, reachable and pressed by keyboard, and focus goes to the first one
    added. Its label is in the page's language."""
    from generator.render import load_ui_strings

    page = js_page
    page.goto("about:blank")
    page.goto(url(base_url, "nb"))
    tree = first_tree(built_site)
    query = words(tree.text("title", "nb")[0]).split()[0]
    found = results(page, query)
    total = int(re.sub(r"\D", "", page.locator(".md-search-result__meta").inner_text()) or 0)
    assert total > 5, f"the test needs a word with more than 5 results: {query!r} has {total}"
    items = page.locator(".md-search-result__item:not(.hc-search-more)")
    assert items.count() == 5 and found
    button = page.locator(".hc-search-more__button")
    assert button.inner_text() == load_ui_strings("nb")["more_results"]
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item:not(.hc-search-more)').length === n",
        arg=min(total, 10),
        timeout=WAIT_MS,
    )
    sixth = items.nth(5).locator("a").first
    assert sixth.evaluate("a => a === document.activeElement")
    assert (button.count() == 1) == (total > 10)
    report = search_axe_violations(page)
    assert not report, report


@pytest.mark.parametrize("language", sorted(STEMMED_FORMS))
def test_search_finds_a_stemmed_form(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    affixed, bare = STEMMED_FORMS[language]
    folder = built_site.site_dir / language_prefix(language)
    text = " ".join(p.read_text("utf-8").lower() for p in folder.rglob("*.html"))
    assert affixed not in text and bare in text
    page = js_page
    page.goto(url(base_url, language))
    found = results(page, affixed)
    assert found, f"{affixed!r} finds nothing, though {bare!r} is in the {language} text"
    assert_only_language(found, base_url, language)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_feedback_contact_restart_and_trail_are_not_indexed(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    from generator.render import load_ui_strings

    ui = load_ui_strings(language)
    texts = [ui[key] for key in ("was_helpful", "still_need_help", "contact_intro", "your_answers")]
    tree = first_tree(built_site)
    page = js_page
    page.goto(url(base_url, language))
    # Every page that the troubleshooter's title finds, as Pagefind indexed its text.
    indexed = page.evaluate(
        """async ([index, query]) => {
             const pagefind = await import(index);
             await pagefind.init();
             const found = await pagefind.search(query);
             return Promise.all(found.results.map(r => r.data().then(d => [d.url, d.content])));
           }""",
        [
            url(base_url, language, "pagefind/pagefind.js"),
            words(tree.text("title", language)[0]),
        ],
    )
    assert any(f"troubleshooters/{tree.id}/" in address for address, _ in indexed)
    for address, content in indexed:
        for text in texts:
            assert text not in content, (address, text)


@pytest.mark.parametrize("language", ["en", "nb"])
def test_clicking_a_step_result_opens_that_step_with_its_trail(
    js_page: Page, nojs_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = js_page
    tree = first_tree(built_site)
    node = deepest_question(tree)
    answers = shortest_answers(tree, node)
    page.goto(url(base_url, language))
    results(page, words(tree.text(f"{node}.question", language)[0]))
    link = page.locator(f".md-search-result__link[href$='#{tree.id}--{node}']").first
    href = link.get_attribute("href")
    link.click()
    current = page.locator(f".hc-ts[data-tree='{tree.id}'] [aria-current='step']")
    current.wait_for(timeout=WAIT_MS)
    page.wait_for_function(
        "node => document.querySelector(\"[aria-current='step']\").dataset.node === node",
        arg=node,
        timeout=WAIT_MS,
    )
    assert page.url.endswith("#" + "/".join([tree.id, *answers]))
    trail = page.locator(".hc-trail__list li")
    assert trail.count() == len(answers)
    assert page.locator(".hc-trail__change").count() == len(answers)

    # Without JavaScript the same link shows that step.
    assert href is not None
    nojs_page.goto(base_url.rstrip("/") + href)
    assert nojs_page.locator(f"#{tree.id}--{node}").is_visible()
    assert not nojs_page.locator(f"#{tree.id}--{tree.start.value}").is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_address_naming_a_step_title_opens_that_step(
    js_page: Page, nojs_page: Page, base_url: str, built_site: BuiltSite, javascript: bool
) -> None:
    page = js_page if javascript else nojs_page
    tree = first_tree(built_site)
    node = deepest_question(tree)
    page.goto("about:blank")
    page.goto(url(base_url, "nb", f"troubleshooters/{tree.id}/#{tree.id}--{node}-title"))
    step = page.locator(f"#{tree.id}--{node}")
    step.wait_for(state="visible", timeout=WAIT_MS)
    assert not page.locator(f"#{tree.id}--{tree.start.value}").is_visible()
    if javascript:
        page.wait_for_function(
            "n => document.querySelectorAll('.hc-trail__list li').length === n",
            arg=len(shortest_answers(tree, node)),
            timeout=WAIT_MS,
        )


def test_without_javascript_the_search_box_is_not_shown(nojs_page: Page, base_url: str) -> None:
    page = nojs_page
    page.goto(url(base_url, "id"))
    assert page.locator(".hc-search").count() == 1
    assert not page.locator(".hc-search").is_visible()
    assert not page.locator(".hc-search-toggle").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_speaks_the_page_language_and_passes_axe(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = js_page
    page.goto("about:blank")
    page.goto(url(base_url, language))
    data = json.loads(page.locator(".hc-search__data").text_content() or "{}")
    meta = page.locator(".md-search-result__meta")
    page.locator("input.md-search__input").click()
    assert meta.inner_text() == data["strings"]["placeholder"]
    tree = first_tree(built_site)
    assert results(page, words(tree.text("title", language)[0]))
    shown = meta.inner_text()
    assert shown == data["strings"]["one"] or re.fullmatch(
        re.escape(data["strings"]["other"]).replace("\\#", r"\d+"), shown
    ), shown
    reports = {}
    if report := axe_violations(page):
        reports["page, light"] = report
    # The site ships the light palette; the box must also fit Material's dark one (the
    # rest of the page is not made for it: only the search is checked there).
    page.add_style_tag(content="* { transition: none !important; }")
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    if report := search_axe_violations(page):
        reports["search, dark"] = report
    assert not reports, "\n\n".join(f"{s} ({language}):\n{r}" for s, r in reports.items())
    results(page, "qqqqzzzzxxxx")
    assert meta.inner_text() == data["strings"]["none"]
