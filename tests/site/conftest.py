"""Site test fixtures: the real sample project (content/ + decision_trees/ + mkdocs.yml +
overrides/) copied to a temporary folder with the test fixtures added, built once per
session with the real `mkdocs build`, served on 127.0.0.1, and one real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from sitekit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    BuiltSite,
    copy_project,
    mkdocs_build,
    serve,
    tree_digest,
)

from generator.config import ProjectConfig
from generator.project import load_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("helpcenter")
    project_dir = copy_project(root / "project")
    content_before = tree_digest(project_dir / "content")
    result = mkdocs_build(project_dir, root / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    project = load_project(ProjectConfig.from_mkdocs_yml(project_dir / "mkdocs.yml"), project_dir)
    return BuiltSite(project_dir, root / "site", project, output, content_before)


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.site_dir) as url:
        yield url


@dataclass
class PageWatch:
    """Everything a page did that a test must not allow: console errors, uncaught
    exceptions, and requests to any host other than 127.0.0.1."""

    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", self._request)
        page.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.errors.append(f"{response.status} {response.url}")

    def _request(self, request: Request) -> None:
        url = request.url
        if urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith("data:"):
            self.foreign_requests.append(url)

    def take(self) -> tuple[list[str], list[str]]:
        found = (list(self.errors), list(self.foreign_requests))
        self.errors.clear()
        self.foreign_requests.clear()
        return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}: apt-get install chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def watch() -> PageWatch:
    return PageWatch()


def _page(browser: Browser, watch: PageWatch, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch.attach(page)
    yield page
    context.close()


@pytest.fixture(scope="session")
def js_page(browser: Browser, watch: PageWatch) -> Iterator[Page]:
    yield from _page(browser, watch, javascript=True)


@pytest.fixture(scope="session")
def nojs_page(browser: Browser, watch: PageWatch) -> Iterator[Page]:
    yield from _page(browser, watch, javascript=False)


@pytest.fixture(autouse=True)
def _clean_pages(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every browser test: no console error, no request to another host."""
    if "watch" not in request.fixturenames:
        yield
        return
    watch: PageWatch = request.getfixturevalue("watch")
    watch.take()
    yield
    errors, foreign = watch.take()
    assert not errors, f"console errors: {errors}"
    assert not foreign, f"requests to other hosts: {foreign}"
