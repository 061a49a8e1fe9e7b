"""What follows each language's Pagefind run, in a process of its own that
generator/search.py starts at low priority, off the build's process: the common words the
search box leaves out of longer queries (search_common_words.py), then the index's fixed
files compressed smaller (search_compress.py).

    python -m generator.search_after_index INDEX_FOLDER CHUNK_SIZE
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.search_common_words import write_common_words
from generator.search_compress import compress_index


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(args[0])
    write_common_words(folder, int(args[1]))  # reads the fragments, which stay as written
    compress_index(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
