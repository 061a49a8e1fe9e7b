"""How far each language is: strings (trees and interface) and articles translated,
stale (the English changed since review, or never reviewed) and missing. The same data
feeds `helpcenter translations status` and the writers' status pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from generator.model import SOURCE_LANGUAGE
from generator.project import Project
from generator.rules.stale_article import article_state
from generator.translations.catalog import LOCALES_DIR, Entry, interface_entries, tree_entries


@dataclass
class Counts:
    translated: int = 0
    stale: int = 0
    missing: int = 0

    def add(self, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)

    @property
    def total(self) -> int:
        return self.translated + self.stale + self.missing


@dataclass
class Item:
    name: str  # a tree id, "interface" or an article path
    state: str  # translated, stale, missing (articles and whole groups of strings)
    counts: Counts | None = None  # for trees and the interface


@dataclass
class LanguageStatus:
    language: str
    strings: Counts = field(default_factory=Counts)
    articles: Counts = field(default_factory=Counts)
    trees: list[Item] = field(default_factory=list)
    article_items: list[Item] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["articles_detail"] = data.pop("article_items")
        return data


def _state(entry: Entry) -> str:
    if not entry.target:
        return "missing"
    return "stale" if entry.fuzzy else "translated"


def _group(name: str, entries: list[Entry], total: Counts) -> Item:
    counts = Counts()
    for entry in entries:
        counts.add(_state(entry))
        total.add(_state(entry))
    state = "missing" if counts.missing else "stale" if counts.stale else "translated"
    return Item(name, state, counts)


def language_status(
    project: Project, language: str, locales_dir: Path = LOCALES_DIR
) -> LanguageStatus:
    status = LanguageStatus(language)
    for tree_id in sorted(project.trees):
        entries = tree_entries(project.trees[tree_id], language)
        status.trees.append(_group(tree_id, entries, status.strings))
    status.trees.append(
        _group("interface", interface_entries(language, locales_dir), status.strings)
    )
    content = project.config.content_dir
    for base, versions in sorted(project.articles.articles.items()):
        if SOURCE_LANGUAGE not in versions:
            continue
        file = content / (base.removesuffix(".md") + f".{language}.md")
        if language not in versions or not file.is_file():
            state = "missing"
        else:
            found, _ = article_state(file, content / base)
            state = "translated" if found == "translated" else "stale"
        status.articles.add(state)
        status.article_items.append(Item(base, state))
    return status


def project_status(project: Project, locales_dir: Path = LOCALES_DIR) -> list[LanguageStatus]:
    return [
        language_status(project, lang, locales_dir) for lang in project.config.translation_languages
    ]


def format_text(statuses: list[LanguageStatus]) -> str:
    lines = []
    for status in statuses:
        s, a = status.strings, status.articles
        lines.append(
            f"{status.language}: strings {s.translated}/{s.total} translated, {s.stale} stale, "
            f"{s.missing} missing; articles {a.translated}/{a.total} translated, {a.stale} stale, "
            f"{a.missing} missing"
        )
        for item in status.trees:
            if item.counts and item.state != "translated":
                c = item.counts
                lines.append(f"  {item.name}: {c.stale} stale, {c.missing} missing")
        for item in status.article_items:
            if item.state != "translated":
                lines.append(f"  {item.name}: {item.state}")
    return "\n".join(lines) + "\n" if lines else ""
