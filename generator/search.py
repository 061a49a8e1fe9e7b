"""Site search: one Pagefind index per language, written as soon as that language's pages
are built (IndexRuns), beside the build of the next languages.

Each language's pages (its folder; the default language at the root, without the other
languages' folders) go into that language's own index, `<folder>/pagefind/`, with the
language given explicitly, so that Pagefind stems where it has a stemmer for it (en, id,
nb) and a search on an Indonesian page finds only Indonesian pages. Pagefind splits what
it reads into sub-results at headings with an id: every article section and every
troubleshooter step (its title `<h2 id="<tree>--<node>-title">`) is found on its own.

What is not content stays out: pages without `data-pagefind-body` (the page template
sets it only on customer pages in their own language: not on the writers' pages, nor on
an English fallback copy inside another language's folder), and inside a page the parts
EXCLUDED_SELECTORS names.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from generator.search_common_words import FILE_NAME as COMMON_WORDS_FILE

INDEX_FOLDER = "pagefind"
# Parts of a page that are not what a customer searches for: the troubleshooter's
# feedback, contact box, restart link, trail and live region, the outcome kind label,
# translation notices, heading permalinks; and text shown in English on a page of
# another language (fallback text of a partly translated troubleshooter or article).
EXCLUDED_SELECTORS = [
    ".hc-feedback",
    ".hc-contact",
    ".hc-step__restart",
    ".hc-trail",
    ".hc-live",
    ".hc-step__kind",
    ".hc-step__note",
    ".hc-ts__notice",
    ".hc-untranslated-page",
    ".headerlink",
    "[data-pagefind-ignore]",
]
FALLBACK_SELECTOR = '[lang="{default}"]'  # excluded from the other languages' indexes
# Pagefind's Norwegian stemmer is under "no"; nb is Norwegian Bokmål.
PAGEFIND_LANGUAGE = {"nb": "no"}
# Word locations per index chunk (Pagefind's default: 20,000, about 30 KB gzipped). A
# search fetches one chunk per word (the box searches when the customer pauses, not at
# every prefix), so smaller chunks mean fewer bytes for a first search on a large site; a
# chunk holds at least one whole word, so a very common word's chunk stays larger (the
# box leaves such words out of longer queries: search_common_words.py). The setting is
# Pagefind's environment variable PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (pagefind[bin] is
# pinned; tests/site/test_search.py checks that it still takes effect).
INDEX_CHUNK_SIZE = 1000
# Indexing runs beside the build (and the preview's server): at the lowest priority, it
# takes the core MkDocs leaves idle, not MkDocs's own. Under `helpcenter build` both cores
# build until the shorter part ends: at nice 10 the runs took about a tenth of them each,
# from the longer part too, which sets the build's time; at 19, under 2 %.
LOW_PRIORITY = ["nice", "-n", "19"] if shutil.which("nice") else []


# A page as Pagefind is given it during a build (searchable_copy): its <html> tag, its
# title and its data-pagefind-body element, which overrides/main.html ends with this
# comment. The rest of a built page (about 40 of 44 KB: Material's header, navigation and
# footer) is never indexed, yet parsing it was most of Pagefind's time.
SEARCHABLE_START = "<div data-pagefind-body>"
SEARCHABLE_END = "<!--/pagefind-body-->"
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)


def searchable_copy(page: str) -> str | None:
    """The part of a built page that Pagefind reads, as a page of its own that Pagefind
    indexes exactly as the whole page (tests/site/test_search.py compares the indexes);
    None for a page without a searchable part, which Pagefind then reads whole.

    The first start and the last end are taken: a page's own text comes between them, so
    neither a writer's text nor the template's can move them."""
    start = page.find(SEARCHABLE_START)
    end = page.rfind(SEARCHABLE_END)
    if start < 0 or end < start:
        return None
    html_tag = _HTML_TAG.search(page, 0, start)
    title = _TITLE.search(page, 0, start)
    return (
        f"<!doctype html>\n{html_tag.group(0) if html_tag else '<html>'}"
        f'<head><meta charset="utf-8">{title.group(0) if title else ""}</head>'
        f"<body>{page[start:end]}</body></html>"
    )


def _nested_folders(other_folders: list[str]) -> set[str]:
    """What the default language's folder, the site root, holds besides its own pages."""
    return {name.strip("/") for name in other_folders if name} | {INDEX_FOLDER}


def language_pages(site_dir: Path, folder: str, other_folders: list[str]) -> list[Path]:
    """The HTML files language_glob matches."""
    root = site_dir / folder
    if folder:
        return [path for path in root.rglob("*.html") if INDEX_FOLDER not in path.parts]
    nested = _nested_folders(other_folders)
    found = list(root.glob("*.html"))
    for entry in root.iterdir():
        if entry.is_dir() and entry.name not in nested:
            found.extend(entry.rglob("*.html"))
    return found


# What pagefind writes that the site does not use: its ready-made interfaces (the box is
# overrides/partials/search.html with assets/search/search.js on pagefind.js).
UNUSED_OUTPUT = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


@dataclass(frozen=True)
class LanguageIndex:
    language: str
    folder: str  # "" for the default language, else "id/" etc.
    pages: int
    output: Path


def language_glob(site_dir: Path, folder: str, other_folders: list[str]) -> str:
    """A glob of the HTML pages of one language folder, without the folders of the
    languages nested in it (the default language's folder is the site root)."""
    if folder:
        return "**/*.html"
    nested = _nested_folders(other_folders)
    names = sorted(
        entry.name
        for entry in (site_dir / folder).iterdir()
        if entry.is_dir() and entry.name not in nested
    )
    parts = ["*.html", *(f"{name}/**/*.html" for name in names)]
    return "{" + ",".join(parts) + "}"


def _command(
    pages_dir: Path, site_dir: Path, language: str, folder: str, folders: list[str], default: str
) -> dict[str, object]:
    """Pagefind's settings: index the language's pages in `pages_dir` (the site, or the
    searchable copies of its pages) into the site's `<folder>/pagefind/`."""
    excluded = list(EXCLUDED_SELECTORS)
    if language != default:
        excluded.append(FALLBACK_SELECTOR.format(default=default))
    return {
        "site": str(pages_dir / folder),
        "glob": language_glob(pages_dir, folder, [f for f in folders if f != folder]),
        "output_path": str(site_dir / folder / INDEX_FOLDER),
        "force_language": PAGEFIND_LANGUAGE.get(language, language),
        "exclude_selectors": excluded,
        "quiet": True,
    }


def _finish(output: Path, language: str, folder: str) -> LanguageIndex:
    for name in UNUSED_OUTPUT:
        (output / name).unlink(missing_ok=True)
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(int(lang["page_count"]) for lang in entry["languages"].values())
    return LanguageIndex(language, folder, pages, output)


class IndexRuns:
    """The Pagefind runs of one build, one per language (`folders`: language -> folder,
    "" for the default language at the root), each started by `start` as soon as that
    language's pages are written: while MkDocs (one core) builds the next languages, the
    indexes of the finished ones are written on the other core. `finish` starts any not
    started yet and waits for all.

    With `copies=True` the build hands each page to `copy` as it is written, and Pagefind
    reads their searchable copies (a tenth of the bytes) from a folder of its own; a page
    the build wrote otherwise (a theme's 404 page) is copied whole when its language
    starts. Without, Pagefind reads the site's pages.

    Each run is the Pagefind binary of the `pagefind[bin]` package with its own
    configuration file. (Its Python service API answers one message per 0.1 s and
    confirms written files before they are complete, then ends the process: files were
    cut short in 4 of 15 runs. A run of the binary ends only once everything is
    written.)"""

    def __init__(
        self,
        site_dir: str | Path,
        folders: Mapping[str, str],
        default: str,
        *,
        copies: bool = False,
    ) -> None:
        self.site = Path(site_dir)
        self.folders = dict(folders)
        self.default = default
        self._work = tempfile.TemporaryDirectory(prefix="pagefind-")
        self._copies = Path(self._work.name) / "pages" if copies else None
        self._runs: dict[str, subprocess.Popen[bytes]] = {}
        self._follow: dict[str, threading.Thread] = {}
        self._lists: dict[str, subprocess.Popen[bytes]] = {}  # common words, after each run
        self._lock = threading.Lock()
        self._cancelled = False
        self._started = time.perf_counter()  # again when the first run starts

    def copy(self, dest: str, page: str) -> None:
        """The page about to be written at `dest`, its path in the site folder
        ("lv/index.html"), for Pagefind."""
        if self._copies is None:
            return
        target = self._copies / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(searchable_copy(page) or page, encoding="utf-8")

    def _copy_the_rest(self, folder: str) -> None:
        assert self._copies is not None
        (self._copies / folder).mkdir(parents=True, exist_ok=True)
        others = [f for f in self.folders.values() if f != folder]
        for path in language_pages(self.site, folder, others):
            target = self._copies / path.relative_to(self.site)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)

    def start(self, language: str) -> None:
        if language in self._runs or language not in self.folders:
            return
        binary = get_executable()
        if binary is None:
            raise RuntimeError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
        if not self._runs:
            self._started = time.perf_counter()
        folder = self.folders[language]
        output = self.site / folder / INDEX_FOLDER
        if output.exists():
            shutil.rmtree(output)
        config = Path(self._work.name) / language
        config.mkdir()
        pages = self.site
        if self._copies is not None:
            self._copy_the_rest(folder)
            pages = self._copies
        names = list(self.folders.values())
        settings = _command(pages, self.site, language, folder, names, self.default)
        (config / "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
        with (config / "output.txt").open("wb") as log:  # a file: a full pipe would block it
            run = subprocess.Popen(
                [*LOW_PRIORITY, str(binary)],
                cwd=config,
                env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._runs[language] = run
        follow = threading.Thread(target=self._list_common_words, args=(language, run, output))
        self._follow[language] = follow
        follow.start()

    def _list_common_words(self, language: str, run: subprocess.Popen[bytes], output: Path) -> None:
        """Once Pagefind has written a language's index: its common words and its fixed
        files compressed smaller (generator/search_after_index.py), in a process of its
        own, off the build's."""
        if run.wait() != 0:
            return
        with self._lock:
            if self._cancelled:
                return
            log = Path(self._work.name) / language / "common-words.txt"
            with log.open("wb") as out:
                self._lists[language] = subprocess.Popen(
                    [*LOW_PRIORITY, sys.executable, "-m", "generator.search_after_index"]
                    + [str(output), str(INDEX_CHUNK_SIZE)],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )

    def finish(self) -> tuple[list[LanguageIndex], float]:
        """Wait for every language's index; the indexes and the seconds since the first
        run started."""
        try:
            for language in self.folders:
                self.start(language)
            failures = []
            for language, process in self._runs.items():
                if process.wait() != 0:
                    out = (Path(self._work.name) / language / "output.txt").read_bytes()
                    failures.append(f"{language}: {out.decode('utf-8', 'replace').strip()}")
            if failures:
                raise RuntimeError("Pagefind could not index the site: " + "; ".join(failures))
            for language, follow in self._follow.items():
                follow.join()
                listing = self._lists.get(language)
                if listing is None or listing.wait() != 0:
                    log = Path(self._work.name) / language / "common-words.txt"
                    out = log.read_bytes() if log.is_file() else b"not started"
                    failures.append(f"{language}: {out.decode('utf-8', 'replace').strip()}")
            if failures:
                raise RuntimeError(
                    f"the search index could not be finished (its common words,"
                    f" {COMMON_WORDS_FILE}, then its compression): " + "; ".join(failures)
                )
            indexes = [
                _finish(self.site / self.folders[language] / INDEX_FOLDER, language, folder)
                for language, folder in self.folders.items()
            ]
            return indexes, time.perf_counter() - self._started
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop what still runs (a failed build) and remove the configuration files."""
        with self._lock:
            self._cancelled = True
        for process in [*self._runs.values(), *self._lists.values()]:
            if process.poll() is None:
                process.kill()
                process.wait()
        for follow in self._follow.values():
            follow.join()
        self._work.cleanup()


def index_site(
    site_dir: str | Path, folders: Mapping[str, str], default: str
) -> tuple[list[LanguageIndex], float]:
    """Write one Pagefind index per language (`folders`: language -> folder, "" for the
    default language at the root), all at once; returns the indexes and the seconds it
    took."""
    return IndexRuns(site_dir, folders, default).finish()


def summary(indexes: list[LanguageIndex], seconds: float) -> str:
    pages = ", ".join(f"{index.language} {index.pages}" for index in indexes)
    return f"search indexes written in {seconds:.1f} s (pages: {pages})"


class BackgroundIndexing:
    """While previewing (`mkdocs serve`): index after each rebuild without holding the
    rebuild up, one run at a time (a run waits for the one before it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def start(
        self,
        site_dir: str | Path,
        folders: Mapping[str, str],
        default: str,
        report: Callable[[str], None],
    ) -> None:
        def run() -> None:
            with self._lock:
                try:
                    report(summary(*index_site(site_dir, folders, default)))
                except (OSError, RuntimeError, ValueError) as error:  # the preview goes on
                    report(f"search indexes not written: {error}")

        threading.Thread(target=run, name="helpcenter-search-index", daemon=True).start()
