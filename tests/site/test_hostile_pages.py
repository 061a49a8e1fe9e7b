"""Hostile writer text never runs in a customer's browser, and no dialog opens.

Two copies of the sample project get hostile text in every field a writer fills: an
article's body, headings, front matter title and description, and a tree's title,
summary, question, help, answer labels, outcome title and body, link labels and link
addresses, in English and in a Norwegian translation (overlay) of the tree.

- `hostile/passes`: what the validator rightly lets through, because it is text (code
  spans, quotes, ampersands, the few allowed inline tags). Built as a writer would, with
  `mkdocs build` and the real plugin, whose checks pass.
- `hostile/refused`: what the validator refuses (raw HTML, `javascript:` links written as
  browsers read them, event-handler attributes). `helpcenter validate` is asserted to
  refuse each of those files first. The site is then built anyway, to prove the second
  line of defence on its own: the same plugin, renderer and sanitizer, in a child process
  in which only the plugin's gate (`load_checked_project`, which fails the build on any
  error) is replaced by a loader that keeps going. Nothing in production can turn the
  gate off; this stand-in exists only in this test.

Every hostile page of both sites, in English and Norwegian, with and without JavaScript,
and every troubleshooter step, is loaded in Chromium: `window.__pwned` stays undefined, no
dialog opens, no inline script mentions the payload, no element carries an event-handler
attribute, nothing is requested from another host, and every link, image, frame and form
address is one the URL allowlist allows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, Request
from sitekit import copy_project, mkdocs_build, serve
from tree_walks import walks_to_outcomes

from generator.config import ProjectConfig
from generator.project import Project, load_project
from generator.urls import is_safe

HOSTILE = Path(__file__).parent / "hostile"
LANGUAGES = ("", "nb/")  # English, and Norwegian with the tree's translation overlay

# The plugin with its gate replaced: problems are still computed, but errors do not stop
# the build. Run in a child process so that nothing of it reaches the other tests.
UNCHECKED_BUILD = """
import sys
from pathlib import Path

import generator.plugin
from generator.config import ProjectConfig
from generator.project import load_project


def load_unchecked(config, trees_dir):
    mkdocs_yml = Path(config.config_file_path)
    project_config = ProjectConfig.from_mkdocs_yml(mkdocs_yml)
    project_config.trees_dir = mkdocs_yml.parent / trees_dir
    return load_project(project_config, relative_to=mkdocs_yml.parent)


generator.plugin.load_checked_project = load_unchecked
from mkdocs.__main__ import cli

cli()
"""

# Every address the page could follow or load, and every event-handler attribute.
INSPECT = """() => {
    const handlers = [];
    for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
            if (attribute.name.toLowerCase().startsWith('on')) {
                handlers.push(`<${element.localName} ${attribute.name}>`);
            }
        }
    }
    const addresses = [];
    const sources = {a: 'href', area: 'href', iframe: 'src', frame: 'src', img: 'src',
        embed: 'src', object: 'data', form: 'action', button: 'formaction',
        input: 'formaction', script: 'src', source: 'src', video: 'src', audio: 'src'};
    for (const [tag, name] of Object.entries(sources)) {
        for (const element of document.querySelectorAll(`${tag}[${name}]`)) {
            addresses.push(element.getAttribute(name));
        }
    }
    const scripts = [...document.scripts]
        .filter(s => !s.type || /javascript|module/.test(s.type))
        .filter(s => s.textContent.includes('__pwned'))
        .map(s => s.textContent.slice(0, 80));
    const refresh = document.querySelectorAll('meta[http-equiv]').length;
    return {handlers, addresses, scripts, refresh, pwned: typeof window.__pwned};
}"""


@dataclass
class HostileSite:
    name: str
    project: Project
    url: str
    site_dir: Path


def _copy(root: Path, name: str) -> Path:
    project_dir = copy_project(root / name, with_fixtures=False)
    shutil.copytree(HOSTILE / name, project_dir, dirs_exist_ok=True)
    return project_dir


def _load(project_dir: Path) -> Project:
    return load_project(ProjectConfig.from_mkdocs_yml(project_dir / "mkdocs.yml"), project_dir)


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[HostileSite]]:
    root = tmp_path_factory.mktemp("hostile")
    passes = _copy(root, "passes")
    result = mkdocs_build(passes, root / "passes-site")
    assert result.returncode == 0, result.stdout + result.stderr

    refused = _copy(root, "refused")
    project = _load(refused)
    refused_files = {p.path for p in project.problems if p.is_error}
    hostile_files = {
        str(path.relative_to(HOSTILE / "refused")) for path in (HOSTILE / "refused").rglob("*.*")
    }
    assert refused_files >= hostile_files, "the validator must refuse every hostile file"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", UNCHECKED_BUILD, "build", "-f", str(refused / "mkdocs.yml")]
    result = subprocess.run(
        [*command, "-d", str(root / "refused-site")],
        cwd=refused,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    with serve(root / "passes-site") as passes_url, serve(root / "refused-site") as refused_url:
        yield [
            HostileSite("passes", _load(passes), passes_url, root / "passes-site"),
            HostileSite("refused", project, refused_url, root / "refused-site"),
        ]


def _addresses(site: HostileSite) -> list[str]:
    """Every page that shows hostile text: the pages themselves, the writers' maps, and
    pages whose navigation or footer lists a hostile title."""
    pages = []
    for language in LANGUAGES:
        folder = site.site_dir / language
        for html in sorted(folder.rglob("index.html")):
            relative = html.parent.relative_to(folder).as_posix()
            if relative.split("/")[0] in ("id", "vi", "lv", "nb"):
                continue  # another language's folder
            if "hostile" in relative or relative in (".", "writers", "orders"):
                pages.append(language + ("" if relative == "." else relative + "/"))
    return pages


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_hostile_text_never_runs(
    browser: Browser, hostile_sites: list[HostileSite], javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page: Page = context.new_page()
    page.set_default_timeout(20_000)
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    # No hostile text may make the page load anything from another host (Material loads
    # Mermaid from a CDN for any `pre.mermaid`, or when an element shadows `mermaid`).
    foreign: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "about:")):
            foreign.append(request.url)

    page.on("request", on_request)
    visited = []
    try:
        for site in hostile_sites:
            addresses = [site.url + address for address in _addresses(site)]
            assert len(addresses) >= 6, addresses
            for tree in site.project.published_trees():
                if not tree.id.startswith("hostile"):
                    continue
                for language in LANGUAGES:
                    base = f"{site.url}{language}troubleshooters/{tree.id}/"
                    addresses += [
                        base + "#" + "/".join((tree.id, *walk.answers))
                        if javascript
                        else f"{base}#{tree.id}--{walk.outcome}"
                        for walk in walks_to_outcomes(tree)
                    ]
            for address in addresses:
                page.goto("about:blank")
                page.goto(address)
                page.wait_for_load_state("load")
                if javascript and "troubleshooters/hostile" in address:
                    page.wait_for_selector(".hc-ts.hc-js")
                found = page.evaluate(INSPECT)
                where = f"{site.name}: {address}"
                assert found["pwned"] == "undefined", where
                assert found["handlers"] == [], where
                assert found["scripts"] == [], where
                assert found["refresh"] == 0, where
                unsafe = [a for a in found["addresses"] if not is_safe(a)]
                assert unsafe == [], where
                visited.append(address)
    finally:
        context.close()
    assert dialogs == []
    assert foreign == []
    assert any("hostile/heading/" in a for a in visited)  # the refused site was reached


def test_front_matter_reads_as_typed(browser: Browser, hostile_sites: list[HostileSite]) -> None:
    """Escaped once: the title and description show exactly what the writer typed."""
    passes = hostile_sites[0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for language in LANGUAGES:
            page.goto(f"{passes.url}{language}hostile/")
            assert page.title().startswith("Hostile ' onmouseover='window.__pwned=1 - ")
            description = page.locator("meta[name=description]").get_attribute("content")
            assert description == '" onmouseover="window.__pwned=2" x="'
            topic = page.locator("[data-md-component=header-topic]").first.text_content() or ""
            assert topic.strip() == "Hostile ' onmouseover='window.__pwned=1"
    finally:
        context.close()
