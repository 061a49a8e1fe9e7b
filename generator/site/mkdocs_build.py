"""Per-build state of the help center plugin: the project, loaded once per `mkdocs build`
(static-i18n re-runs the build for each language with the same config), and the pages
generated and rendered for the language being built."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from generator.config import ConfigError, ProjectConfig
from generator.mermaid import flowchart
from generator.model import Tree
from generator.part_check import (
    AFTER_A_FAILED_BUILD,
    CHECK_INTO,
    CHECKED_ELSEWHERE,
    refuses,
    write_problems,
)
from generator.problems import Problem
from generator.project import Project, load_project
from generator.render import (
    ArticleRef,
    RenderContext,
    contact_article,
    load_ui_strings,
    render_map_page,
    render_troubleshooter,
    render_troubleshooter_page,
)
from generator.rules import unsafe_config_url
from generator.rules.unsafe_config_url import contact_url_reason
from generator.site import pages, writers
from generator.site.build_problems import PROBLEM_ATTRIBUTE
from generator.site.mkdocs_i18n import Languages, add_generated_page
from generator.writer_text import render_inline, to_plain

log = get_plugin_logger("helpcenter")


def load_checked_project(config: MkDocsConfig, trees_dir: str) -> Project:
    """Load and check every tree; log each problem as file:line:col; fail on errors.

    Warnings are logged at warning level, so `mkdocs build --strict` fails on them.
    Under `helpcenter build` one of its builds runs the rules and hands their problems
    over, for it to print once (generator/part_check.py); the others only read."""
    mkdocs_yml = Path(config.config_file_path)
    try:
        project_config = ProjectConfig.from_mkdocs_yml(mkdocs_yml)
    except ConfigError as error:
        raise PluginError(str(error)) from error
    project_config.trees_dir = mkdocs_yml.parent / trees_dir
    checked_elsewhere = os.environ.get(CHECKED_ELSEWHERE) == "1"
    check_into = os.environ.get(CHECK_INTO)
    project = load_project(
        project_config,
        relative_to=mkdocs_yml.parent,
        check=not checked_elsewhere,
        skip=AFTER_A_FAILED_BUILD if check_into else frozenset(),
    )
    if checked_elsewhere:  # and reported there, once for all the builds
        log.info("the trees and articles are checked by another build of `helpcenter build`")
        if project.has_errors:
            raise PluginError("the project cannot be read (see `helpcenter build`)")
        return project
    if check_into:
        write_problems(project.problems, Path(check_into))
        log.info(f"checked the project: {len(project.problems)} problem(s) for `helpcenter build`")
        if refuses(project.problems, config.strict):
            raise PluginError("the project has problems (`helpcenter build` lists them)")
        return project
    for problem in project.problems:
        # The problem itself rides along for the problems file `helpcenter check` reads.
        extra = {PROBLEM_ATTRIBUTE: problem}
        (log.error if problem.is_error else log.warning)(str(problem), extra=extra)
    errors = sum(1 for p in project.problems if p.is_error)
    warnings = len(project.problems) - errors
    trees = len(project.published_trees())
    log.info(f"checked {trees} troubleshooters: {errors} error(s), {warnings} warning(s)")
    if errors:
        raise PluginError(f"{errors} error(s) in the decision trees or articles (listed above)")
    return project


def check_contact_url(config: MkDocsConfig, url: str | None) -> None:
    """Refuse contact_url as `helpcenter validate` does (its rule, its words). The
    engine has already reported a value written in mkdocs.yml at its line; this catches
    one that only MkDocs sees (an !ENV tag)."""
    if url is None or (message := contact_url_reason(url)) is None:
        return
    shown = Path(config.config_file_path).name
    problem = Problem(shown, 1, 1, unsafe_config_url.LEVEL, unsafe_config_url.ID, message)
    log.error(str(problem), extra={PROBLEM_ATTRIBUTE: problem})
    raise PluginError(f"helpcenter: {message}")


@dataclass
class SitePages:
    """Generates and renders the help center's pages for one language's build."""

    project: Project
    langs: Languages
    contact_url: str | None
    mermaid_js: str | None
    trees: list[Tree] = field(init=False)

    def __post_init__(self) -> None:
        self.trees = self.project.published_trees()

    @property
    def ui(self) -> dict[str, str]:
        return load_ui_strings(self.langs.current)

    def add_pages(self, files: Files, config: MkDocsConfig, writers_pages: bool) -> None:
        lang = self.langs.current
        article = contact_article(self.contact_url) if self.contact_url else None
        if article and files.get_file_from_path(article[0]) is None:
            raise PluginError(f"helpcenter: contact_url names {article[0]}, which is not in docs")
        for tree in self.trees:
            title, _ = tree.text("title", lang)
            summary, _ = tree.text("summary", lang)
            source = pages.troubleshooter_markdown(tree.id, _plain(title), _plain(summary))
            add_generated_page(files, config, self.langs, pages.troubleshooter_src(tree.id), source)
        if not writers_pages:
            return
        for tree in self.trees:
            title, _ = tree.text("title", lang)
            source = pages.map_markdown(
                tree.id,
                self.ui["map_title"].replace("{title}", _plain(title)),
                mermaid_rendered=self.mermaid_js is not None,
            )
            add_generated_page(
                files,
                config,
                self.langs,
                pages.map_src(tree.id),
                source,
                in_nav=False,
                in_sitemap=False,
            )
        source = pages.writers_index_markdown(self.ui["writers_title"])
        add_generated_page(
            files,
            config,
            self.langs,
            pages.writers_index_src(),
            source,
            in_nav=False,
            in_sitemap=False,
        )
        source = pages.status_markdown(self.ui["status_title"])
        add_generated_page(
            files, config, self.langs, pages.status_src(), source, in_nav=False, in_sitemap=False
        )

    def context(self, page: Page, files: Files) -> RenderContext:
        lang = self.langs.current
        known: dict[tuple[str, str], ArticleRef | None] = {}  # outcomes link the same few

        def article(path: str, anchor: str) -> ArticleRef | None:
            if (path, anchor) not in known:
                known[path, anchor] = find_article(path, anchor)
            return known[path, anchor]

        def find_article(path: str, anchor: str) -> ArticleRef | None:
            file = files.get_file_from_path(path)
            if file is None or not file.is_documentation_page():
                return None
            href = get_relative_url(file.url, page.file.url) + (f"#{anchor}" if anchor else "")
            found = self.project.articles.heading_text(path, anchor, lang)
            label, label_lang = found if found else (path, lang)
            return ArticleRef(href, _plain(label), label_lang)

        return RenderContext(lang, self.ui, article, self.contact_url)

    def expand(self, html: str, page: Page, files: Files) -> str:
        """Replace the placeholders in a page's HTML with the rendered help center parts."""
        ctx = self.context(page, files)
        by_id = {tree.id: tree for tree in self.trees}

        def render(kind: str, arg: str) -> Markup | str:
            tree = by_id.get(arg)
            if kind == "page" and tree:
                return render_troubleshooter_page(tree, ctx)
            if kind == "embed" and tree:
                return render_troubleshooter(tree, ctx)
            if kind == "map" and tree:
                href = _href(files, pages.troubleshooter_src(tree.id), page.file)
                return render_map_page(tree, ctx, href)
            if kind == "mermaid" and tree and self.mermaid_js:
                src = self.mermaid_js
                if not urlsplit(src).scheme and not src.startswith("/"):
                    src = get_relative_url(src, page.file.url)
                # The site's copy first, so that Material uses it instead of its CDN.
                return Markup(
                    '<script src="{}"></script>\n<pre class="mermaid"><code>{}</code></pre>'
                ).format(src, flowchart(tree, ctx.language))
            if kind == "writers":
                return self._writers_index(page.file, files)
            if kind == "mapsvg" and tree:
                title = self.ui["map_title"].replace(
                    "{title}", _plain(tree.text("title", ctx.language)[0])
                )
                return writers.map_picture(tree, ctx.language, self.ui, title)
            if kind == "status":
                return writers.status_page(self.project, ctx.language, self.ui)
            raise PluginError(f"{page.file.src_uri}: nothing to render for {kind} '{arg}'")

        return pages.expand_placeholders(html, render)

    def _writers_index(self, here: File, files: Files) -> Markup:
        def title_of(tree: Tree) -> tuple[str, str]:
            title, title_lang = tree.text("title", self.langs.current)
            return _plain(title), title_lang

        return writers.writers_index(
            self.trees,
            self.langs.current,
            self.ui,
            title_of,
            lambda tree: _href(files, pages.map_src(tree.id), here),
            _href(files, pages.status_src(), here),
        )


def _plain(text: str) -> str:
    return to_plain(render_inline(text))


def _href(files: Files, src_uri: str, here: File) -> str:
    target = files.get_file_from_path(src_uri)
    return get_relative_url(target.url, here.url) if target else "#"


def absolute_page_url(site_url: str | None, page: Page) -> str:
    base = site_url or "/"
    if not urlsplit(base).path.endswith("/"):
        base += "/"
    return base + page.url
