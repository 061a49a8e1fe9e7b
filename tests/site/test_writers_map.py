"""The writers' part of the site: every tree's map drawn as an SVG picture at build time
(a node per step, an edge per answer, answers no scenario takes dashed), seen in a real
browser at /writers/; a translation status page per language; none of it searchable."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sitekit import LANGUAGES, BuiltSite, copy_project, language_prefix, mkdocs_build, serve

from generator.model import Question, Tree
from generator.scenarios import run_scenarios

Page = Any


def answers(tree: Tree) -> set[tuple[str, str, str]]:
    return {
        (node.id, option.id, option.next)
        for node in tree.nodes.values()
        if isinstance(node, Question)
        for option in node.options
        if option.next in tree.nodes
    }


def untested(tree: Tree) -> set[tuple[str, str]]:
    """What `helpcenter test` reports as answers no scenario takes."""
    found = set()
    for problem in run_scenarios(tree).problems:
        match = re.match(r"no scenario answers '([^']+)' to question '([^']+)'", problem.message)
        if match:
            found.add((match[2], match[1]))
    return found


def drawn(
    page: Page, figure: str
) -> tuple[set[str], set[tuple[str, str, str]], set[tuple[str, str]]]:
    """Nodes and edges of the picture in `figure`, as the browser lays them out; every
    node must have a visible box."""
    picture = page.locator(f"{figure} svg.hc-map__picture")
    assert picture.count() == 1
    assert picture.bounding_box()["width"] > 100
    nodes = picture.locator("a.hc-map__node")
    ids = set()
    for index in range(nodes.count()):
        node = nodes.nth(index)
        box = node.locator("rect").bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        ids.add(node.get_attribute("data-node"))
    edges = picture.locator("g.hc-map__edge").evaluate_all(
        "gs => gs.map(g => [g.dataset.from, g.dataset.answer, g.dataset.to,"
        " g.classList.contains('hc-map__edge--untested'),"
        " getComputedStyle(g.querySelector('path')).strokeDasharray])"
    )
    for _, _, _, is_untested, dashes in edges:
        assert (dashes != "none") == is_untested
    return (
        ids,
        {(f, a, t) for f, a, t, _, _ in edges},
        {(f, a) for f, a, _, u, _ in edges if u},
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_writers_index_draws_every_tree(
    js_page: Page, base_url: str, built_site: BuiltSite, language: str
) -> None:
    page = js_page
    page.goto(f"{base_url}{language_prefix(language)}writers/")
    for tree in built_site.project.published_trees():
        nodes, edges, dashed = drawn(page, f'figure[data-tree="{tree.id}"]')
        assert nodes == set(tree.nodes)
        assert edges == answers(tree)
        assert dashed == untested(tree)


def test_each_map_page_draws_its_tree(js_page: Page, base_url: str, built_site: BuiltSite) -> None:
    page = js_page
    for tree in built_site.project.published_trees():
        page.goto(f"{base_url}nb/writers/{tree.id}/")
        nodes, edges, _ = drawn(page, "figure.hc-map__figure")
        assert nodes == set(tree.nodes) and edges == answers(tree)
        # A step in the picture leads to its place in the outline below.
        first = next(iter(tree.nodes))
        page.click(f'a.hc-map__node[data-node="{first}"]')
        page.wait_for_function("id => location.hash === '#map--' + id", arg=first)


def test_writers_pages_are_out_of_search_and_navigation(built_site: BuiltSite) -> None:
    for language in LANGUAGES:
        folder = built_site.site_dir / language_prefix(language) / "writers"
        pages = sorted(folder.rglob("index.html"))
        assert len(pages) == len(built_site.project.published_trees()) + 2  # + index, status
        for file in pages:
            html = file.read_text("utf-8")
            assert 'name="robots" content="noindex"' in html
            assert "data-pagefind-body" not in html
        home = (built_site.site_dir / language_prefix(language) / "index.html").read_text("utf-8")
        assert "writers/" not in home
    sitemap = (built_site.site_dir / "sitemap.xml").read_text("utf-8")
    assert "/writers/" not in sitemap


def test_translation_status_pages(js_page: Page, base_url: str, built_site: BuiltSite) -> None:
    from generator.translations.status import language_status

    page = js_page
    page.goto(f"{base_url}writers/translation-status/")
    rows = page.locator("tr[data-language]")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.language)") == LANGUAGES[1:]
    for language in LANGUAGES[1:]:
        status = language_status(built_site.project, language)
        page.goto(f"{base_url}{language}/writers/translation-status/")
        shown = page.locator("tr[data-state]").evaluate_all(
            "rs => rs.map(r => [r.dataset.item, r.dataset.state])"
        )
        assert shown == [[item.name, item.state] for item in status.article_items]
        trees = page.locator("tr[data-item]:not([data-state])").evaluate_all(
            "rs => rs.map(r => r.dataset.item)"
        )
        assert trees == [*sorted(built_site.project.trees), "interface"]


PROBE_TREE = """\
id: map-probe
title: Map probe
summary: A tree whose scenarios leave one answer untested.
start: first
nodes:
  first:
    question: Which way?
    options:
      - id: left
        label: Left
        next: done
      - id: right
        label: Right
        next: done
  done:
    outcome: solved
    title: Done
    body: Done.
"""


def test_an_answer_no_scenario_takes_is_dashed(browser: Any, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_fixtures=False)
    (project / "decision_trees" / "map-probe.yml").write_text(PROBE_TREE, "utf-8")
    (project / "decision_trees" / "map-probe.scenarios.yml").write_text(
        "- name: Left\n  answers: [left]\n  expect: done\n", "utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve(tmp_path / "site") as base_url:
        page.goto(base_url + "writers/map-probe/")
        nodes, edges, dashed = drawn(page, "figure.hc-map__figure")
        legend = page.locator(".hc-map__legend li").all_inner_texts()
    context.close()
    assert nodes == {"first", "done"}
    assert edges == {("first", "left", "done"), ("first", "right", "done")}
    assert dashed == {("first", "right")}
    assert [text.strip() for text in legend] == [
        "Question",
        "Outcome",
        "An answer that no scenario takes",
    ]
    assert [url for url in requests if not url.startswith(base_url)] == []
