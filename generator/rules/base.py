"""What every rule gets: the project's trees, articles and settings."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.articles import ArticleIndex
from generator.config import ProjectConfig
from generator.model import Text, Tree

LANGUAGE_NAMES = {
    "en": "English",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "lv": "Latvian",
    "nb": "Norwegian Bokmål",
}


def language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else f"'{code}'"


def fingerprint(text: str) -> str:
    """A short digest of the English text a translation was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


@dataclass
class Context:
    config: ProjectConfig
    trees: list[Tree]
    articles: ArticleIndex
    # Translation/scenario files found beside no tree, unknown language suffixes, symlinks:
    # collected while discovering files and reported by their own rules.
    orphans: list[tuple[str, str]] = field(default_factory=list)  # (path, tree id)
    unknown_languages: list[tuple[str, str]] = field(default_factory=list)  # (path, code)
    outside_links: list[tuple[str, str]] = field(default_factory=list)  # (path, what it is)
    config_path: str = "mkdocs.yml"  # the settings file as shown in messages


def writer_texts(tree: Tree) -> Iterator[tuple[str, str, Text]]:
    """Every writer string of a tree: (language, key, text), source and translations."""
    for key, text in tree.source_texts().items():
        yield "en", key, text
    for language, translation in tree.translations.items():
        for key, text in translation.strings.items():
            yield language, key, text
