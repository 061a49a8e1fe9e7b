"""`./dev serve` re-renders only the pages a save changed.

`./dev serve` runs `mkdocs serve --dirty`: MkDocs then keeps the HTML of every page whose
`File.is_modified()` is false (its source older than its HTML) and re-renders the rest,
in every language (mkdocs-static-i18n passes `--dirty` on to its language builds). That
test alone is wrong for the help center both ways: generated pages (troubleshooters, the
writers' maps) count as modified on every save, and an article that embeds a tree is
kept when only the tree changed. So the plugin answers `is_modified()` itself, from a
digest of what each page's HTML is made of, compared with the last successful rebuild:

- an article: its file, and the trees it embeds;
- a troubleshooter or map page: its generated Markdown, the tree's files (translations
  and scenarios too) and the titles and headings of the articles its outcomes link (its
  link labels);
- the writers' index: every tree; the translation status: every tree and every article.

Every page of a language is re-rendered when that language's layout changes: mkdocs.yml,
the project's theme overrides, which pages there are, or any title that the navigation
shows (an article's first heading or front matter, a tree's title). A kept page gets its
title and front matter back from the rebuild that rendered it, so that the navigation of
the pages that are re-rendered is whole. A rebuild that failed after it had begun to
choose pages makes the next one re-render everything (a mistake in a tree stops the
rebuild before that). Material's 404 page is rendered only when the layout changed, and
Material's own files are listed once per serve (`cache_theme_files`).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.model import Outcome, Tree
from generator.project import Project
from generator.site import pages

TREE_KINDS = ("tree", "translation", "scenarios")
# What MkDocs logs on each --dirty build (static-i18n's language builds too).
DIRTY_NOTES = ("A 'dirty' build is being performed", "The directory contains stale files")
ERROR_PAGE = "404.html"
KEPT_ERROR_PAGE = "helpcenter_kept_error_page"  # set on the theme once decided


def _digest(parts: Iterable[str | bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))  # so that no two part lists collide
        hasher.update(data)
    return hasher.hexdigest()


@dataclass
class Rendered:
    """A page as the last rebuild left it: what it was made of, and what the navigation
    of other pages reads from it."""

    digest: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Inputs:
    """What this rebuild's pages are made of, read once per rebuild."""

    base: str  # mkdocs.yml and the theme overrides
    titles: str  # every title the navigation shows
    trees: dict[str, str]  # tree id -> digest of its files and linked articles' headings
    all_trees: str
    everything: str  # every tree and every article


def read_inputs(project: Project, config: MkDocsConfig, languages: Iterable[str]) -> Inputs:
    root = Path(config.config_file_path).parent
    base: list[str | bytes] = [Path(config.config_file_path).read_bytes()]
    for folder in config.theme.dirs:  # the project's own overrides, not the installed theme
        if Path(folder).resolve().is_relative_to(root.resolve()):
            base.extend(_listing(Path(folder)))
    article_texts = {
        (path, lang): version.text
        for path, versions in project.articles.articles.items()
        for lang, version in versions.items()
    }
    trees = {tree.id: _tree_digest(tree, project) for tree in project.trees.values()}
    langs = tuple(languages)
    titles = [
        part
        for (path, lang), text in sorted(article_texts.items())
        for part in (path, lang, _title_part(project, path, lang, text))
    ]
    for tree in project.published_trees():
        titles += [tree.id, *(tree.text("title", lang)[0] for lang in langs)]
    all_trees = _digest([f"{k} {v}" for k, v in sorted(trees.items())])
    everything = _digest([all_trees, *(t for _, t in sorted(article_texts.items()))])
    return Inputs(_digest(base), _digest(titles), trees, all_trees, everything)


def _listing(folder: Path) -> list[str]:
    found = []
    for dirpath, _, filenames in sorted(os.walk(folder)):
        for name in sorted(filenames):
            stat = os.stat(os.path.join(dirpath, name))
            found.append(f"{dirpath}/{name}:{stat.st_mtime_ns}:{stat.st_size}")
    return found


def _title_part(project: Project, path: str, lang: str, text: str) -> str:
    """An article's first heading and front matter: what its navigation entry shows."""
    version = project.articles.articles[path][lang]
    return version.title + "\n" + "\n".join(text.split("\n")[: version.body_line - 1])


def _tree_digest(tree: Tree, project: Project) -> str:
    stem = Path(tree.path).name.split(".", 1)[0]
    files = sorted(
        path
        for path, kind in project.files.items()
        if kind in TREE_KINDS and path.name.split(".", 1)[0] == stem
    )
    linked = sorted(
        {
            link.path
            for node in tree.nodes.values()
            if isinstance(node, Outcome)
            for link in node.articles
        }
    )
    parts: list[str | bytes] = []
    for file in files:
        parts += [file.name, _read(file)]
    for path in linked:  # an outcome's link label: the article's title or a heading
        for lang, version in sorted(project.articles.articles.get(path, {}).items()):
            parts += [path, lang, version.title]
            parts += [f"{a} {h.text}" for a, h in sorted(version.headings.items())]
    return _digest(parts)


# An article's digest and the trees it embeds, by path, while its size and time stamp
# stay the same: every language's rebuild asks for every page on every save.
_SOURCES: dict[str, tuple[tuple[int, int], str, list[str]]] = {}


def _source(path: str) -> tuple[str, list[str]]:
    """A page source's digest and the trees it embeds, read again only when it changed."""
    try:
        stat = os.stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return _digest([b""]), []  # gone: a digest of nothing differs from the last one
    known = _SOURCES.get(path)
    if known is not None and known[0] == stamp:
        return known[1], known[2]
    source = _read(path)
    embedded = [
        tree_id for _, tree_id in pages.replace_embeds(source.decode("utf-8", "replace"))[1]
    ]
    _SOURCES[path] = (stamp, _digest([source]), embedded)
    return _SOURCES[path][1], embedded


def _read(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""  # gone: a digest of nothing differs from the last one


@dataclass
class Preview:
    """Which pages a `mkdocs serve --dirty` rebuild re-renders; kept on the plugin
    between rebuilds."""

    enabled: bool = False
    inputs: Inputs | None = None
    last: dict[str, Rendered] = field(default_factory=dict)  # dest_uri -> page
    last_layouts: dict[str, str] = field(default_factory=dict)  # language -> layout digest
    pages: dict[str, Rendered] = field(default_factory=dict)  # this rebuild's
    layouts: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)

    def start(self, project: Project, config: MkDocsConfig, languages: Iterable[str]) -> None:
        """A new rebuild (not one of static-i18n's language builds): read its inputs."""
        self.inputs = read_inputs(project, config, languages)
        self.pages, self.layouts, self.kept = {}, {}, set()

    def choose(
        self, files: Files, config: MkDocsConfig, language: str, trees: Iterable[Tree]
    ) -> None:
        """Decide, for one language's build, which pages are kept."""
        assert self.inputs is not None
        tree_pages = {
            src: tree.id
            for tree in trees
            for src in (pages.troubleshooter_src(tree.id), pages.map_src(tree.id))
        }
        doc_pages = files.documentation_pages()
        layout = _digest(
            [
                self.inputs.base,
                self.inputs.titles,
                *sorted(f"{f.src_uri} {f.dest_uri}" for f in doc_pages),
            ]
        )
        self.layouts[language] = layout
        same_layout = self.last_layouts.get(language) == layout
        _keep_error_page(config, same_layout)
        for file in doc_pages:
            digest = self._page_digest(file, tree_pages)
            before = self.last.get(file.dest_uri) if same_layout else None
            keep = (
                before is not None
                and before.digest == digest
                and os.path.isfile(file.abs_dest_path)
            )
            if keep:
                assert before is not None
                self.pages[file.dest_uri] = before
                self.kept.add(file.dest_uri)
            else:
                self.pages[file.dest_uri] = Rendered(digest)
            _answer_is_modified(file, not keep)

    def _page_digest(self, file: File, tree_pages: Mapping[str, str]) -> str:
        assert self.inputs is not None
        if file.generated_by is not None:
            tree_id = tree_pages.get(file.src_uri)
            if tree_id is not None:
                depends = self.inputs.trees.get(tree_id, "")
            elif file.src_uri == pages.writers_index_src():
                depends = self.inputs.all_trees
            else:
                depends = self.inputs.everything
            return _digest([file.content_string, depends])
        source, embedded = _source(file.abs_src_path or "")
        return _digest([source, *(self.inputs.trees.get(t, "") for t in embedded)])

    def restore(self, files: Files) -> None:
        """Give each kept page the title and front matter it was rendered with (MkDocs
        does not read a page it keeps): other pages' navigation shows them."""
        for file in files.documentation_pages():
            if file.dest_uri in self.kept and file.page is not None:
                kept = self.pages[file.dest_uri]
                file.page.title = kept.title  # a weak_property: MkDocs allows setting it
                file.page.meta = dict(kept.meta)

    def record(self, dest_uri: str, title: str | None, meta: Mapping[str, Any]) -> None:
        """A page was rendered: remember what the navigation reads from it."""
        rendered = self.pages.get(dest_uri)
        if rendered is not None and dest_uri not in self.kept:
            rendered.title, rendered.meta = title, dict(meta)

    def finish(self) -> str:
        """The rebuild succeeded: it is the one to compare the next with."""
        rendered, kept = len(self.pages) - len(self.kept), len(self.kept)
        self.last, self.last_layouts = self.pages, self.layouts
        self.pages, self.layouts = {}, {}
        return f"preview: re-rendered {rendered} page(s), kept {kept} unchanged"

    def failed(self) -> None:
        """The rebuild failed. If it had begun to choose pages, some may have been written:
        re-render everything next time. (A mistake in a tree stops it before that.)"""
        if self.pages:
            self.last, self.last_layouts = {}, {}
        self.pages, self.layouts = {}, {}


def _keep_error_page(config: MkDocsConfig, same_layout: bool) -> None:
    """Material's 404 page shows the navigation and nothing a save of a page changes:
    render it (a Material page, as costly as an article) only when the layout changed.
    The config is this rebuild's own (serve loads it again for each), shared by the
    language builds, so each decides for itself."""
    templates = config.theme.static_templates
    if ERROR_PAGE not in templates and not hasattr(config.theme, KEPT_ERROR_PAGE):
        return  # the theme has none
    kept = same_layout and os.path.isfile(os.path.join(config.site_dir, ERROR_PAGE))
    setattr(config.theme, KEPT_ERROR_PAGE, kept)
    if kept:
        templates.discard(ERROR_PAGE)  # sitemap.xml stays: removing it would copy its source
    else:
        templates.add(ERROR_PAGE)


def _answer_is_modified(file: File, modified: bool) -> None:
    answer: Callable[[], bool] = (lambda: True) if modified else (lambda: False)
    file.is_modified = answer  # type: ignore[method-assign]  # per file, for MkDocs' --dirty


class DropDirtyWarning(logging.Filter):
    """MkDocs warns on every --dirty build (and static-i18n's language builds) that the
    navigation may be inaccurate, and notes that the site folder has files in it: the
    preview keeps the navigation right, and the files are the pages it keeps."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTES)


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DropDirtyWarning) for f in logger.filters):
        logger.addFilter(DropDirtyWarning())


_THEME_FILES: dict[tuple[Any, ...], list[tuple[str, str]]] = {}


def cache_theme_files() -> None:
    """List the installed theme's files once per `mkdocs serve`, not on every language
    build of every rebuild: MkDocs walks and pattern-matches Material's ~14,500 files
    (its icons) each time, a tenth of a second per language. The project's own theme
    folders (overrides/) are part of the key, so a file added there is still seen."""
    original = Files.add_files_from_theme
    if getattr(original, "helpcenter_cached", False):
        return

    def add_files_from_theme(self: Files, env: Any, config: MkDocsConfig) -> None:
        root = Path(config.config_file_path).parent.resolve()
        own = [d for d in config.theme.dirs if Path(d).resolve().is_relative_to(root)]
        key = (
            tuple(config.theme.dirs),
            # Sorted, and without the 404 page (left out now and then, see above; its
            # name is an .html template, never a theme file, either way).
            tuple(sorted(config.theme.static_templates - {ERROR_PAGE})),
            *(tuple(_listing(Path(d))) for d in own),
        )
        listing = _THEME_FILES.get(key)
        if listing is None:
            probe = Files([])
            original(probe, env, config)
            listing = _THEME_FILES[key] = [(f.src_uri, f.src_dir or "") for f in probe]
        for path, folder in listing:
            if self.get_file_from_path(path) is None:  # theme files do not override docs
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    add_files_from_theme.helpcenter_cached = True  # type: ignore[attr-defined]
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]
