"""One search index per language.

Material's search plugin writes one index per build, and mkdocs-static-i18n merges the
entries of every language into the single `search/search_index.json`, so a search from
an Indonesian page also returns English pages. Here each language's entries are kept as
its build finishes and written to that language's folder (`id/search/search_index.json`,
locations relative to `id/`), with the lunr pipeline that suits the language. The page
template points Material's search at the folder of the page's language.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

# lunr language and pipeline per site language. Stemming only where lunr has a stemmer
# for the language: English rules would mangle Indonesian and Latvian words, and lunr's
# English trimmer strips Latvian letters such as 'ā' (not in \w) from word ends.
PIPELINES: dict[str, tuple[list[str], list[str]]] = {
    "en": (["en"], ["trimmer", "stopWordFilter", "stemmer"]),
    "nb": (["no"], ["trimmer", "stopWordFilter", "stemmer"]),
    "vi": (["vi"], ["trimmer"]),  # lunr.vi has a trimmer and no stemmer
    "id": (["en"], []),  # no lunr language: plain tokens, nothing stemmed or trimmed
    "lv": (["en"], []),
}
NO_STEMMING: tuple[list[str], list[str]] = (["en"], [])


def search_config(language: str, base: dict[str, Any]) -> dict[str, Any]:
    lang, pipeline = PIPELINES.get(language, NO_STEMMING)
    return {**base, "lang": lang, "pipeline": pipeline}


@dataclass
class SearchIndexes:
    """Entries per language, collected over the per-language builds of one site build."""

    entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    base_config: dict[str, Any] = field(default_factory=dict)

    def clear(self) -> None:
        self.entries.clear()

    def keep(self, language: str, folder: str, search_plugin: Any) -> None:
        """Copy the entries Material's search plugin collected in this language's build."""
        index = getattr(search_plugin, "search_index", None)
        if index is None:
            return
        config = search_plugin.config
        self.base_config = {"separator": config.separator, "fields": config.fields}
        kept = []
        for entry in index.entries:
            location = str(entry["location"])
            if folder and location.startswith(folder):
                location = location[len(folder) :]
            kept.append({**entry, "location": location})
        self.entries[language] = kept

    def write(self, site_dir: str, folders: dict[str, str]) -> list[str]:
        """Write every kept language's index into its folder; returns the paths."""
        written = []
        for language, entries in self.entries.items():
            path = os.path.join(site_dir, folders[language], "search", "search_index.json")
            data = {"config": search_config(language, self.base_config), "docs": entries}
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as out:
                json.dump(data, out, separators=(",", ":"), ensure_ascii=False, default=str)
            written.append(path)
        return written
