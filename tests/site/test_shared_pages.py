"""A part of `helpcenter build` that does not render a page still shows it in its
navigation: the page gets the same title and front matter from read_for_navigation (its
first block rendered by MkDocs) as from MkDocs's full render."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page

from generator.config import _TolerantLoader
from generator.site.shared_pages import read_for_navigation

ROOT = Path(__file__).parents[2]

PAGES = {
    "plain.md": "# Cancel an order\n\nText.\n",
    "setext.md": "Cancel an order\n===============\n\nText.\n",
    "front-matter.md": "---\ntitle: From the front matter\n---\n\n# A heading\n\nText.\n",
    "markup.md": "# `Code`, *emphasis* &amp; **more** {#custom-id}\n\nText.\n",
    "reference-link.md": "# Read [the terms][terms]\n\nText.\n\n[terms]: https://example.com/\n",
    "footnote.md": "# Refunds[^1]\n\nText.\n\n[^1]: Within 14 days.\n",
    "abbreviation.md": "# Ask HTML questions\n\nText.\n\n*[HTML]: Hyper Text Markup Language\n",
    "heading-later.md": "Some text first.\n\n# Not the title\n",
    "no_heading_here.md": "Only text.\n",
    "blank-first.md": "\n\n\n# After blank lines\nStraight on.\n",
    "index.md": "Home page text.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Files]:
    project = tmp_path_factory.mktemp("shared-pages")
    docs = project / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_TolerantLoader)
    config_file = project / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(
            {"site_name": "Test", "plugins": [], "markdown_extensions": ours["markdown_extensions"]}
        ),
        encoding="utf-8",
    )
    config = load_config(str(config_file))
    return config, get_files(config)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_skipped_page_has_the_title_and_front_matter_of_a_rendered_one(
    site: tuple[object, Files], name: str
) -> None:
    config, files = site
    file = files.get_file_from_path(name)
    assert file is not None
    rendered = Page(None, file, config)  # type: ignore[arg-type]
    rendered.read_source(config)  # type: ignore[arg-type]
    rendered.render(config, files)  # type: ignore[arg-type]
    expected = (rendered.title, rendered.meta)
    file.page = None
    read_for_navigation(file, config, files)  # type: ignore[arg-type]
    assert file.page is not None
    assert (file.page.title, file.page.meta) == expected
    assert file.page.markdown == rendered.markdown  # the whole page, as read
    assert file.page.present_anchor_ids is None  # links into it are checked where rendered
