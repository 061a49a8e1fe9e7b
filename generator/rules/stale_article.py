"""A translated article was made from an English text that has changed since (or does
not record which English text it was made from). Each `page.<lang>.md` keeps, in its
front matter, the fingerprint of the English `page.md` it was checked against.

After checking and updating the translation, record it with
`helpcenter accept-translation content/<page>.<lang>.md`.

Passing::

    ---
    source_fingerprint: "3f0a9b1c2d"  # the fingerprint of the current page.md
    ---

Failing::

    ---
    source_fingerprint: "0000000000"  # page.md has changed since
    ---
"""

from collections.abc import Iterator
from pathlib import Path

from generator.model import SOURCE_LANGUAGE, Pos
from generator.problems import Level, Problem
from generator.rules.base import Context, fingerprint, language_name

ID = "stale-article"
LEVEL = Level.WARNING
SCOPE = "project"

ARTICLE_KEY = "source_fingerprint"
_FRONT_MATTER_END = ("---", "...")


def article_fingerprint(english: str) -> str:
    """The digest of an English article's whole text (line endings normalised)."""
    return fingerprint(english.replace("\r\n", "\n"))


def article_record(text: str) -> tuple[str | None, int]:
    """The recorded fingerprint of a translated article and the line it is on; without
    one, None and the line where the record belongs (1: the top of the file)."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None, 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in _FRONT_MATTER_END:
            return None, 1
        key, _, value = line.partition(":")
        if key.strip() == ARTICLE_KEY:
            return value.split("#")[0].strip().strip("\"'") or None, number
    return None, 1


def article_state(translation: Path, english: Path) -> tuple[str, int]:
    """'translated', 'stale' or 'unreviewed', and the line of the record."""
    recorded, line = article_record(translation.read_text(encoding="utf-8", errors="replace"))
    if recorded is None:
        return "unreviewed", line
    current = article_fingerprint(english.read_text(encoding="utf-8", errors="replace"))
    return ("translated" if recorded == current else "stale"), line


def check(ctx: Context) -> Iterator[Problem]:
    content = ctx.config.content_dir
    for base, versions in sorted(ctx.articles.articles.items()):
        english = versions.get(SOURCE_LANGUAGE)
        if english is None:
            continue
        for language, article in sorted(versions.items()):
            if language == SOURCE_LANGUAGE:
                continue
            file = content / (base.removesuffix(".md") + f".{language}.md")
            if not file.is_file():
                continue
            state, line = article_state(file, content / base)
            # The command without the path: the problem's location names the file.
            accept = "helpcenter accept-translation"
            if state == "translated":
                continue
            if state == "stale":
                message = (
                    f"{english.path} changed after this {language_name(language)} "
                    f"translation was made; update the translation, then run `{accept}` on this file"
                )
            else:
                message = (
                    f"this {language_name(language)} translation does not record which "
                    f"text of {english.path} it was made from; check it against the "
                    f"English, then run `{accept}` on this file"
                )
            yield Problem.at(Pos(article.path, line, 1), LEVEL, ID, message)
