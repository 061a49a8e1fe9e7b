"""Translated articles record the English text they were made from (`source_fingerprint`
in their front matter); `stale-article` reports a changed English or a missing record,
and `accept-translation` records it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.articles import PathDisplay, scan_articles
from generator.config import ProjectConfig
from generator.fingerprints import accept_article
from generator.rules import stale_article
from generator.rules.base import Context
from generator.rules.stale_article import article_fingerprint

ENGLISH = "# Cancel an order\n\nChoose **Cancel items**.\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "page.md").write_text(ENGLISH, encoding="utf-8")
    fresh = article_fingerprint(ENGLISH)
    (content / "page.nb.md").write_text(
        f'---\nsource_fingerprint: "{fresh}"\n---\n\n# Avbryt en bestilling\n', encoding="utf-8"
    )
    (content / "page.id.md").write_text(
        '---\ntitle: Batalkan\nsource_fingerprint: "0000000000"\n---\n\n# Batalkan pesanan\n',
        encoding="utf-8",
    )
    (content / "page.vi.md").write_text("# Hủy đơn hàng\n", encoding="utf-8")
    return tmp_path


def problems(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    config = ProjectConfig.for_directory(root, ["en", "nb", "id", "vi"])
    ctx = Context(
        config, [], scan_articles(config.content_dir, config.languages, PathDisplay(root))
    )
    return [str(p) for p in stale_article.check(ctx)]


def test_changed_english_and_missing_records_are_reported(site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert problems(site, monkeypatch) == [
        "content/page.id.md:3:1: warning: content/page.md changed after this Indonesian (id) "
        "translation was made; update the translation, then run "
        "`helpcenter accept-translation` on this file [stale-article]",
        "content/page.vi.md:1:1: warning: this Vietnamese (vi) translation does not record "
        "which text of content/page.md it was made from; check it against the English, then "
        "run `helpcenter accept-translation` on this file [stale-article]",
    ]


def test_an_english_edit_makes_the_reviewed_translation_stale(site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (site / "content" / "page.md").write_text(ENGLISH + "\nMore.\n", encoding="utf-8")
    assert [p.split(":")[0] for p in problems(site, monkeypatch)] == [
        "content/page.id.md",
        "content/page.nb.md",
        "content/page.vi.md",
    ]


def test_accepting_records_the_english_and_keeps_the_rest(site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    content = site / "content"
    for lang in ("id", "vi"):
        accept_article(content / f"page.{lang}.md", content / "page.md")
    assert problems(site, monkeypatch) == []
    fresh = article_fingerprint(ENGLISH)
    note = "  # written by `helpcenter accept-translation`"
    assert (content / "page.id.md").read_text(encoding="utf-8") == (
        f'---\ntitle: Batalkan\nsource_fingerprint: "{fresh}"{note}\n---\n\n# Batalkan pesanan\n'
    )
    assert (content / "page.vi.md").read_text(encoding="utf-8") == (
        f'---\nsource_fingerprint: "{fresh}"{note}\n---\n\n# Hủy đơn hàng\n'
    )


def test_the_command_accepts_articles_and_refuses_other_files(site, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from generator.cli import main

    (site / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - i18n:\n      languages:\n"
        "        - locale: en\n        - locale: nb\n        - locale: id\n        - locale: vi\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(site)
    assert main(["accept-translation", "content/page.vi.md"]) == 0
    fresh = article_fingerprint(ENGLISH)
    assert capsys.readouterr().err == (
        f"content/page.vi.md: marked as reviewed against content/page.md ({fresh})\n"
    )
    (site / "content" / "page.de.md").write_text("# Seite\n", encoding="utf-8")
    assert main(["accept-translation", "content/page.de.md"]) == 1
    assert capsys.readouterr().err == (
        "content/page.de.md:1:1: error: not a translated article; name it "
        "<page>.<language>.md (language one of: nb, id, vi) inside content/, beside its "
        "English <page>.md\n"
    )
