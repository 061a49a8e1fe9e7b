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

from generator.fingerprints import article_fingerprint, article_record
from generator.model import SOURCE_LANGUAGE, Pos
from generator.problems import Level, Problem
from generator.rules.base import Context, language_name

ID = "stale-article"
LEVEL = Level.WARNING
SCOPE = "project"


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
            accept = f"helpcenter accept-translation {article.path}"
            if state == "translated":
                continue
            if state == "stale":
                message = (
                    f"{english.path} changed after this {language_name(language)} "
                    f"translation was made; update the translation, then run `{accept}`"
                )
            else:
                message = (
                    f"this {language_name(language)} translation does not record which "
                    f"text of {english.path} it was made from; check it against the "
                    f"English, then run `{accept}`"
                )
            yield Problem.at(Pos(article.path, line, 1), LEVEL, ID, message)
