"""Words too common to narrow a search, listed per language index for the search box
(overrides/assets/search/search.js), which leaves them out of a query that has other
words.

Why: Pagefind fetches one index chunk per word searched for. A word on most pages of a
language matches nearly every page, so it hardly changes which pages a search finds, nor
their order (Pagefind's BM25 ranking weighs such a word close to nothing); but its word
locations fill a chunk of their own, several times the size of the others (at 2,000
articles: 10 to 38 KB gzipped against about 5 KB), which a first search would fetch.

A word is common when it has more locations than one index chunk holds AND is on at
least half of the language's pages. On a small site no word is, and the list is empty.
Counted from what Pagefind indexed: each page's fragment holds the text it read.

    >>> common_words(["the cat", "the dog", "a bird"], chunk_size=1)
    ['the']
    >>> common_words(["the cat", "the dog", "a bird"], chunk_size=2)
    []
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

FILE_NAME = "hc-common-words.json"  # beside pagefind.js in each language's index folder
MIN_PAGE_SHARE = 0.5
WORD = re.compile(r"\w+")
# Pagefind's files are gzipped, with this signature at the start of what they hold.
SIGNATURE = b"pagefind_dcd"


def common_words(texts: Iterable[str], chunk_size: int) -> list[str]:
    """The words (lower case) of `texts`, one text per page, that are common as the
    module docstring says."""
    locations: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    count = 0
    for text in texts:
        count += 1
        words = WORD.findall(text.lower())
        locations.update(words)
        pages.update(set(words))
    return sorted(
        word
        for word, seen in locations.items()
        if seen > chunk_size and pages[word] >= count * MIN_PAGE_SHARE
    )


def fragment_text(path: Path) -> str:
    """The page text Pagefind read, from one of its fragment files."""
    data = gzip.decompress(path.read_bytes())
    if data.startswith(SIGNATURE):
        data = data[len(SIGNATURE) :]
    return str(json.loads(data).get("content") or "")


def write_common_words(index_folder: Path, chunk_size: int) -> list[str]:
    """List the common words of one language's Pagefind index in FILE_NAME inside it."""
    fragments = sorted((index_folder / "fragment").glob("*.pf_fragment"))
    words = common_words((fragment_text(path) for path in fragments), chunk_size)
    (index_folder / FILE_NAME).write_text(json.dumps(words, ensure_ascii=False), "utf-8")
    return words
