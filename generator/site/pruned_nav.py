"""Keep Material's pruned navigation linear in the size of the site.

With `navigation.prune`, a section that does not hold the page being rendered is shown as
one link to its first page: Material's nav-item.html reads only `children | first` (and
whether there are any) of such a section. But before it decides that, its
`navigation.indexes` loop walks every child of every section, on every page: 2,000
articles in 40 categories cost 2,000 steps of a Jinja loop per page, so the build grew
with the square of the site. While one page renders, each section it is not in shows
only its first child; the whole navigation is put back right after the page.

Only when the theme prunes and shows no section expanded anyway (no `navigation.tabs`,
`navigation.sections` or `navigation.expand`): then the pages are the same but for the
blank lines that loop wrote (tests/site/test_build.py builds the site both ways and
compares). `trim_pruned_nav: false` in the plugin's options turns it off.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section

EXPANDING = ("navigation.tabs", "navigation.sections", "navigation.expand")


def prunes(config: MkDocsConfig) -> bool:
    features = set(config.theme.get("features") or ())
    return "navigation.prune" in features and not features.intersection(EXPANDING)


class PrunedNavigation:
    """Trims the sections a page is not in while it renders, and puts them back."""

    def __init__(self) -> None:
        self._trimmed: list[tuple[Section, list[StructureItem]]] = []

    def trim(self, nav: Navigation) -> None:
        self.restore()
        for section in _sections(nav.items):
            if not section.active and len(section.children) > 1:
                self._trimmed.append((section, section.children))
                section.children = section.children[:1]

    def restore(self) -> None:
        for section, children in reversed(self._trimmed):
            section.children = children
        self._trimmed.clear()


def _sections(items: Iterable[StructureItem]) -> Iterable[Section]:
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)
