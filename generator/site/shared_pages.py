"""A part of `helpcenter build` that renders only its share of a language's pages
(generator/page_shares.py).

The part runs `mkdocs build --dirty`: MkDocs then neither reads nor writes a page whose
`File.is_modified()` is false, and the pages of the other share answer false. (Every
other page is new to the part's empty folder, so MkDocs's own answer is true.) Their
navigation entries still need what a rendered page gives them: front matter and title.
So each is read, passed through the plugins' `on_page_markdown`, and its first block
(where a title heading is) rendered by MkDocs itself, which sets the title exactly as a
full render does. A first block with a `[` is the exception (a reference link or a
footnote there may be defined further down): that page is rendered whole. The part
that renders the page checks its anchors; here its anchor list is left unset, so that
MkDocs skips the links into it, as it does for any page it did not render.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.page_shares import Share

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def other_shares_pages(files: Files, share: Share) -> list[File]:
    """The language's pages that another part renders, marked for MkDocs to skip."""
    pages = sorted(files.documentation_pages(), key=lambda file: file.dest_uri)
    skipped = [f for i, f in enumerate(pages) if not share.renders(i)]
    for file in skipped:
        file.is_modified = _not_modified  # type: ignore[method-assign]  # for --dirty
    return skipped


def _not_modified() -> bool:
    return False


def read_for_navigation(file: File, config: MkDocsConfig, files: Files) -> None:
    """Give a page this part skips the front matter and title it has when rendered."""
    page = file.page if file.page is not None else Page(None, file, config)
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    assert page.markdown is not None
    markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    first_block = _BLANK_LINE.split(markdown.lstrip("\n"), maxsplit=1)[0]
    page.markdown = markdown if "[" in first_block else first_block
    page.render(config, files)  # sets the title from the first heading, if first
    page.markdown = markdown
    page.present_anchor_ids = None  # not rendered here: links into it are not checked
    page.links_to_anchors = None
