"""Real `mkdocs build` (and `mkdocs serve`) runs of the sample project: failing on tree
problems, generated pages in every language, per-language search, and idempotence."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from sitekit import (
    LANGUAGES,
    BuiltSite,
    copy_project,
    language_prefix,
    mkdocs_build,
    serve,
    tree_digest,
)

from generator.config import ProjectConfig
from generator.project import load_project


def published(built_site: BuiltSite) -> list[str]:
    return [tree.id for tree in built_site.project.published_trees()]


def test_nothing_is_written_into_content(built_site: BuiltSite) -> None:
    assert tree_digest(built_site.project_dir / "content") == built_site.content_before
    assert not (built_site.project_dir / "content" / "troubleshooters").exists()


def test_trees_are_checked_once_per_build(built_site: BuiltSite) -> None:
    assert built_site.build_output.count("helpcenter: checked ") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_pages_exist_for_every_language(built_site: BuiltSite, language: str) -> None:
    site = built_site.site_dir / language_prefix(language)
    for tree_id in published(built_site):
        page = (site / "troubleshooters" / tree_id / "index.html").read_text("utf-8")
        assert f'<html lang="{language}"' in page
        assert page.count(f'<div class="hc-ts" data-tree="{tree_id}">') == 1
        assert page.count('hreflang="') == len(LANGUAGES) + 1 + len(
            LANGUAGES
        )  # head + x-default + switcher
        map_page = (site / "writers" / tree_id / "index.html").read_text("utf-8")
        assert (
            'class="hc-map__picture"' in map_page and 'name="robots" content="noindex"' in map_page
        )
    home = (site / "index.html").read_text("utf-8")
    assert "troubleshooters/" in home and 'href="writers/' not in home  # maps are not in the nav


def test_sitemap_lists_each_troubleshooter_once_per_language(built_site: BuiltSite) -> None:
    sitemap = (built_site.site_dir / "sitemap.xml").read_text("utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == len(set(locs))
    for tree_id in published(built_site):
        for language in LANGUAGES:
            assert (
                f"https://help.example.com/{language_prefix(language)}troubleshooters/{tree_id}/"
                in locs
            )
    assert not any("/writers/" in loc for loc in locs)


def test_a_second_build_is_byte_identical(built_site: BuiltSite, tmp_path: Path) -> None:
    result = mkdocs_build(built_site.project_dir, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(built_site.site_dir), tree_digest(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_trimming_the_pruned_navigation_changes_no_page(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    """generator/site/pruned_nav.py shows Material only what it renders of the sections a
    page is not in; the site must be the same as with the whole navigation."""
    project = copy_project(tmp_path / "project")
    mkdocs_yml = project / "mkdocs.yml"
    text = mkdocs_yml.read_text("utf-8")
    assert "\n      trees_dir: decision_trees\n" in text
    mkdocs_yml.write_text(
        text.replace(
            "\n      trees_dir: decision_trees\n",
            "\n      trees_dir: decision_trees\n      trim_pruned_nav: false\n",
        ),
        "utf-8",
    )
    result = mkdocs_build(project, tmp_path / "whole")
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(built_site.site_dir), tree_digest(tmp_path / "whole")
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    # Material's loop over the children of a section writes a blank line for each child:
    # pages differ in those alone.
    assert [name for name in differing if not name.endswith(".html")] == []
    for name in differing:
        trimmed = (built_site.site_dir / name).read_text("utf-8").splitlines()
        whole = (tmp_path / "whole" / name).read_text("utf-8").splitlines()
        assert [line for line in trimmed if line.strip()] == [
            line for line in whole if line.strip()
        ], name
    # The sample has sections a page is not in, with more than one page: they were
    # trimmed (a page in one section lost the blank lines of the others' children).
    assert "nb/orders/index.html" in differing


def break_tree(project: Path) -> None:
    """Two mistakes in one tree: a dangling `next` and a duplicate option label."""
    path = project / "decision_trees" / "why-cant-i-cancel.yml"
    text = path.read_text("utf-8")
    text = text.replace("next: physical-shipped", "next: physical-shiped", 1)
    text = text.replace("label: Not yet\n", "label: I'm not sure\n", 1)
    path.write_text(text, "utf-8")


def test_a_broken_tree_fails_the_build_listing_every_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    break_tree(project)
    expected = load_project(ProjectConfig.from_mkdocs_yml(project / "mkdocs.yml"), project).problems
    errors = [p for p in expected if p.is_error]
    assert len({p.rule for p in errors}) >= 2
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for problem in errors:
        assert f"ERROR   -  helpcenter: {problem}" in output
        assert re.search(
            rf"{re.escape(problem.path)}:{problem.line}:{problem.column}: error", output
        )
    assert "Aborted" in output


def test_warnings_fail_the_build_only_under_strict(built_site: BuiltSite, tmp_path: Path) -> None:
    warnings = [p for p in built_site.project.problems if not p.is_error]
    assert warnings, "the fixture tree is untranslated, so there are warnings"
    result = mkdocs_build(built_site.project_dir, tmp_path / "site", "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for problem in warnings:
        assert f"WARNING -  helpcenter: {problem}" in output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our local server
        return str(response.read().decode("utf-8"))


def test_serve_rebuilds_when_a_tree_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_fixtures=False)
    content_before = tree_digest(project / "content")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-a",
        f"127.0.0.1:{port}",
    ]  # livereload on: it is what watches files
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}/id/troubleshooters/why-cant-i-cancel/"
    try:
        page = wait_for(lambda: fetch(url), lambda body: "data-tree=" in body)
        tree_file = project / "decision_trees" / "why-cant-i-cancel.id.yml"
        text = tree_file.read_text("utf-8")
        title = re.search(r"^title: (.+)$", text, re.M)
        assert title and title.group(1) in page
        tree_file.write_text(
            text.replace(title.group(0), "title: Judul yang baru saja diubah", 1), "utf-8"
        )
        wait_for(lambda: fetch(url), lambda body: "Judul yang baru saja diubah" in body)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert tree_digest(project / "content") == content_before


def wait_for(get: object, ready: object, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            body = get()  # type: ignore[operator]
            if ready(body):  # type: ignore[operator]
                return str(body)
        except OSError as error:
            last = error
        time.sleep(0.5)
    raise AssertionError(f"not ready in {timeout}s: {last}")


# A stand-in with Mermaid's API, so the test needs no copy of Mermaid itself: it checks the
# wiring (the site's script is loaded before Material's, and no CDN is asked).
MERMAID_STAND_IN = """window.mermaid = {
  initialize() {},
  render: async (id, text) => ({ svg: `<svg id="${id}"><text>${text.split("\\n").length} lines</text></svg>` }),
};"""


def test_map_pages_draw_mermaid_with_the_sites_own_copy(browser: Any, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_fixtures=False)
    (project / "overrides" / "assets" / "mermaid-stand-in.js").write_text(MERMAID_STAND_IN, "utf-8")
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = config.replace(
        "  - helpcenter:\n", "  - helpcenter:\n      mermaid_js: assets/mermaid-stand-in.js\n", 1
    )
    (project / "mkdocs.yml").write_text(config, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve(tmp_path / "site") as base_url:
        page.goto(base_url + "id/writers/why-cant-i-cancel/")
        page.wait_for_selector("div.mermaid")  # Material replaced the code block with a diagram
    context.close()
    assert [url for url in requests if not url.startswith(base_url)] == []
    assert any(url.endswith("/assets/mermaid-stand-in.js") for url in requests)
