"""Which pages each part of `helpcenter build` renders, when a language is split.

Five languages on two processes split three and two: the part with three runs a third
longer than the other, and the whole build waits for it. So the work is cut into equal
shares of pages, not of languages: with L languages and P processes, each language is P
units and each process takes L units in build order. A language that falls across two
processes is shared: each renders its share of the language's pages (by their place in
the language's pages sorted by path, dealt out in turn) and keeps the others' titles for its navigation
(generator/site/shared_pages.py). Five languages on two processes: en, id and the first
half of vi's pages; the second half of vi's, lv and nb.

A shared language's search index is written once both parts are done, from the
searchable copies of its pages that both parts leave in one folder (SHARED_COPIES_ENV).
No MkDocs here: the parts read their shares from SHARE_ENV.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

SHARE_ENV = "HELPCENTER_SHARE"  # "vi:1-2/2": a part renders vi's second half
SHARED_COPIES_ENV = "HELPCENTER_SHARED_COPIES"  # where a shared language's copies go
_SHARE = re.compile(r"(?P<language>[^:\s]+):(?P<start>\d+)-(?P<end>\d+)/(?P<units>\d+)")


@dataclass(frozen=True)
class Share:
    """Units start..end (end excluded) of a language cut into `units`."""

    language: str
    start: int
    end: int
    units: int

    def renders(self, index: int) -> bool:
        """Whether page `index` of the language's pages (sorted by path) is this share's:
        pages are dealt out in turn, so that costly neighbours (a language's
        troubleshooters, its writers' pages) are shared out too. The shares of a
        language cover each page exactly once."""
        return self.start <= index % self.units < self.end

    def __str__(self) -> str:
        return f"{self.language}:{self.start}-{self.end}/{self.units}"


@dataclass(frozen=True)
class PartPlan:
    languages: tuple[str, ...]  # in build order
    shares: tuple[Share, ...] = ()  # the languages of which it renders only a share


def plan_parts(languages: Sequence[str], processes: int, split: bool = True) -> list[PartPlan]:
    """`languages` (build order) over `processes`: equal shares of pages when `split`,
    else runs of whole languages (the longest run one language longer than the rest)."""
    count = len(languages)
    processes = max(1, min(processes, count))
    if not split or count % processes == 0:
        return [PartPlan(group) for group in language_groups(languages, processes)]
    plans = []
    for part in range(processes):
        low, high = part * count, (part + 1) * count  # this process's units
        taken, shares = [], []
        for index, language in enumerate(languages):
            first, end = index * processes, (index + 1) * processes  # the language's
            start, stop = max(first, low), min(end, high)
            if start >= stop:
                continue
            taken.append(language)
            if (start, stop) != (first, end):
                shares.append(Share(language, start - first, stop - first, processes))
        plans.append(PartPlan(tuple(taken), tuple(shares)))
    return plans


def language_groups(languages: Sequence[str], processes: int) -> list[tuple[str, ...]]:
    """`languages` in `processes` runs of neighbours in build order (a part's sitemap lists
    its languages in that order). One language each when there are enough processes;
    otherwise each process also reads the project only once for its group."""
    size, extra = divmod(len(languages), processes)
    groups, start = [], 0
    for index in range(processes):
        end = start + size + (1 if index < extra else 0)
        groups.append(tuple(languages[start:end]))
        start = end
    return [group for group in groups if group]


def encode(shares: Sequence[Share]) -> str:
    return " ".join(str(share) for share in shares)


def requested_shares() -> dict[str, Share]:
    """The shares in SHARE_ENV, by language; ValueError names a malformed one."""
    shares = {}
    for text in os.environ.get(SHARE_ENV, "").split():
        match = _SHARE.fullmatch(text)
        share = None
        if match:
            share = Share(
                match["language"], int(match["start"]), int(match["end"]), int(match["units"])
            )
        if share is None or not 0 <= share.start < share.end <= share.units:
            raise ValueError(
                f"{SHARE_ENV}: '{text}' is not LANGUAGE:START-END/UNITS (0 <= START < END"
                " <= UNITS); `helpcenter build` sets it"
            )
        shares[share.language] = share
    return shares
