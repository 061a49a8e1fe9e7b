"""The `helpcenter` MkDocs plugin: only the wiring of MkDocs events. The work is done in
generator.site (MkDocs glue) and generator.render (HTML, no MkDocs).

mkdocs-static-i18n runs the whole build once per language with the same config, so every
hook here must be idempotent, and the trees are loaded once per `mkdocs build` (and again
on each `mkdocs serve` rebuild), not once per language.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.config import DEFAULT_TREES_DIR
from generator.glossary import GLOSSARY_FILE
from generator.project import Project
from generator.search import BackgroundIndexing, IndexRuns, summary
from generator.site import pages
from generator.site.build_problems import keep_anchor_validation, record_problems
from generator.site.hreflang import absolute_alternates
from generator.site.language_selection import (
    requested_languages,
    select_languages,
    selected_languages,
)
from generator.site.live_reload import poll_interval, poll_often
from generator.site.mkdocs_build import (
    SitePages,
    absolute_page_url,
    check_contact_url,
    load_checked_project,
)
from generator.site.mkdocs_i18n import (
    Languages,
    is_nested_language_build,
    languages,
    reset_language_switcher,
)
from generator.site.preview import Preview, cache_theme_files, quiet_dirty_warning
from generator.site.pruned_nav import PrunedNavigation, prunes
from generator.site.quick_exit import end_a_finished_part
from generator.site.template_cache import SHARED as SHARED_TEMPLATE_CACHE

log = get_plugin_logger("helpcenter")


class HelpCenterConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' hook is untyped
    trees_dir = c.Type(str, default=DEFAULT_TREES_DIR)
    # mailto: or http(s): URL; {subject} and {summary} are replaced, percent-encoded.
    contact_url = c.Optional(c.Type(str))
    # A local Mermaid script (site-relative URL) to draw the writers' flowcharts with.
    mermaid_js = c.Optional(c.Type(str))
    writers_pages = c.Type(bool, default=True)
    # Write the Pagefind search indexes after the build (generator/search.py).
    search = c.Type(bool, default=True)
    # With navigation.prune: while a page renders, sections it is not in show only their
    # first page (all Material reads of them), so the build stays linear in the site's size.
    trim_pruned_nav = c.Type(bool, default=True)


class HelpCenterPlugin(BasePlugin[HelpCenterConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.site: SitePages | None = None
        self.serving = False
        self.background_indexing = BackgroundIndexing()
        self.index_runs: IndexRuns | None = None  # this build's Pagefind runs
        self.preview = Preview()  # `mkdocs serve --dirty`: re-render only what changed
        self.pruned_nav = PrunedNavigation()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            cache_theme_files()
        if self.serving and dirty:
            self.preview.enabled = True
            quiet_dirty_warning()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not is_nested_language_build(config):
            # A new `mkdocs build` (or serve rebuild): read and check the trees once.
            select_languages(config, requested_languages())  # HELPCENTER_LANGUAGES
            record_problems(config)
            keep_anchor_validation(config)
            self.project = load_checked_project(config, self.config.trees_dir)
            check_contact_url(config, self.config.contact_url)
            if self.preview.enabled:
                self.preview.start(self.project, config, languages(config).built)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        reset_language_switcher(config)  # after every on_config, static-i18n's too
        if self.config.search and not self.serving and self.index_runs is None:
            # This build's indexes: Pagefind reads the pages' searchable parts, handed
            # over as they are written (on_post_page).
            langs = languages(config)
            folders = _index_folders(config, langs)
            self.index_runs = IndexRuns(config.site_dir, folders, langs.default, copies=True)

    # After static-i18n's on_files (-100), which cannot handle generated files.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.project is not None
        self.site = SitePages(
            self.project, languages(config), self.config.contact_url, self.config.mermaid_js
        )
        self.site.add_pages(files, config, self.config.writers_pages)
        if self.preview.enabled:
            self.preview.choose(files, config, self.site.langs.current, self.site.trees)
        return files

    @event_priority(-110)  # after static-i18n's on_nav (-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.preview.enabled:
            self.preview.restore(files)
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by is not None:
            return markdown  # its front matter is escaped where it is made
        page.meta = pages.escape_meta(page.meta)  # before the navigation or a template reads it
        markdown, embeds = pages.replace_embeds(markdown)
        known = {tree.id for tree in self.site.trees} if self.site else set()
        for line, tree_id in embeds:
            if tree_id not in known:  # the engine reports this too; never render a blank
                raise PluginError(
                    f"{page.file.src_uri}:{line}:1: no troubleshooter '{tree_id}' to embed"
                )
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        return self.site.expand(html, page, files)

    # After static-i18n's on_page_context (50), which sets the language switcher links.
    @event_priority(0)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.site is not None
        if self.config.trim_pruned_nav and prunes(config):
            self.pruned_nav.trim(nav)  # put back in on_post_page
        langs = self.site.langs
        file_locale = getattr(page.file, "locale", langs.current)
        if self.preview.enabled:
            self.preview.record(page.file.dest_uri, page.title, page.meta)
        extra = cast(dict[str, Any], context)  # Material templates read any key
        extra["helpcenter"] = {
            "ui": self.site.ui,
            "language": langs.current,
            "language_folder": langs.folder(langs.current).rstrip("/"),
            "untranslated_page": file_locale != langs.current,
            "page_language": file_locale,
        }
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.site is not None
        self.pruned_nav.restore()
        page_url = absolute_page_url(config.site_url, page)
        output = absolute_alternates(output, page_url, self.site.langs.default)
        if self.index_runs is not None:
            self.index_runs.copy(page.file.dest_uri, output)
        return output

    @event_priority(-200)  # after static-i18n has built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.preview.enabled and not is_nested_language_build(config):
            log.info(self.preview.finish())
        if self.site is None or not self.config.search:
            return
        langs = self.site.langs
        folders = _index_folders(config, langs)
        if is_nested_language_build(config):
            # The default language's pages and this language's are written: their
            # indexes are made while the next languages build (the preview indexes later).
            if self.index_runs is not None:
                self.index_runs.start(langs.default)
                self.index_runs.start(langs.current)
            return
        # Material's lunr search is not used: its worker and lunr scripts leave the site.
        for unused in ("assets/javascripts/lunr", "assets/javascripts/workers"):
            shutil.rmtree(Path(config.site_dir) / unused, ignore_errors=True)
        if self.serving:  # the preview reloads at once; search follows a moment later
            self.background_indexing.start(config.site_dir, folders, langs.default, log.info)
            return
        runs, self.index_runs = self.index_runs, None
        assert runs is not None  # made in on_pre_build
        log.info(summary(*runs.finish()))

    def on_build_error(self, *, error: Exception) -> None:
        self.preview.failed()
        if self.index_runs is not None:
            self.index_runs.cancel()
            self.index_runs = None

    @event_priority(-1000)  # the last of every plugin's
    def on_shutdown(self) -> None:
        end_a_finished_part()  # under `helpcenter build` only

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.bytecode_cache = SHARED_TEMPLATE_CACHE
        return env

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = Path(config.config_file_path).parent
        server.watch(str(root / self.config.trees_dir))
        if (root / GLOSSARY_FILE).is_file():  # the glossary-term rule reads it
            server.watch(str(root / GLOSSARY_FILE))
        poll_often(server, poll_interval())  # MkDocs polls every 0.5 s
        return server


def _index_folders(config: MkDocsConfig, langs: Languages) -> dict[str, str]:
    """The languages this build writes (HELPCENTER_LANGUAGES, else all) and their folders."""
    built = selected_languages(config) or langs.built
    return {lang: langs.folder(lang) for lang in built}
