"""An index of the Markdown articles in content/: languages, titles, explicit heading
anchors and troubleshooter embeds, read as text (no Markdown engine needed)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import SOURCE_LANGUAGE, Pos

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*\{[^}]*#([^\s}]+)[^}]*\}[ \t]*$")
TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
EMBED = re.compile(r"^::: troubleshooter(?:[ \t]+(\S*))?[ \t]*$")
# i18n suffix style: page.<lang>.md where lang looks like a language code.
LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)\.md$")


@dataclass
class Heading:
    text: str
    anchor: str
    pos: Pos


@dataclass
class ArticleFile:
    path: str  # as shown in messages
    language: str
    title: str
    headings: dict[str, Heading] = field(default_factory=dict)
    embeds: list[tuple[str, Pos]] = field(default_factory=list)


@dataclass
class ArticleIndex:
    # "orders/cancel-order.md" -> language -> file
    articles: dict[str, dict[str, ArticleFile]] = field(default_factory=dict)
    # page.xx.md files whose suffix is not one of the site's languages
    unknown_languages: list[tuple[str, str]] = field(default_factory=list)

    def get(self, path: str, language: str = SOURCE_LANGUAGE) -> ArticleFile | None:
        return self.articles.get(path, {}).get(language)

    def heading_text(self, path: str, anchor: str, language: str) -> tuple[str, str] | None:
        """The text of heading `anchor` (or the title when anchor is empty) in `language`,
        falling back to English; with the language it is really in."""
        versions = self.articles.get(path, {})
        for lang in (language, SOURCE_LANGUAGE):
            article = versions.get(lang)
            if article is None:
                continue
            if not anchor:
                return article.title, lang
            if anchor in article.headings:
                return article.headings[anchor].text, lang
        return None


def scan_articles(content_dir: Path, languages: list[str], display: PathDisplay) -> ArticleIndex:
    index = ArticleIndex()
    if not content_dir.is_dir():
        return index
    for file in sorted(content_dir.rglob("*.md")):
        relative = file.relative_to(content_dir).as_posix()
        match = LANGUAGE_SUFFIX.match(relative)
        language, base = SOURCE_LANGUAGE, relative
        if match and match["lang"] in languages:
            language, base = match["lang"], match["stem"] + ".md"
        elif match and match["lang"] not in languages and len(match["lang"]) == 2:
            index.unknown_languages.append((display(file), match["lang"]))
            continue
        article = read_article(file, display(file), language)
        index.articles.setdefault(base, {})[language] = article
    return index


def read_article(file: Path, shown: str, language: str) -> ArticleFile:
    text = file.read_text(encoding="utf-8", errors="replace")
    article = ArticleFile(shown, language, title="")
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not article.title and (title := TITLE.match(line)):
            article.title = title.group(1)
        if heading := HEADING.match(line):
            anchor = heading.group(3)
            column = line.index("#" + anchor, len(heading.group(1))) + 2
            article.headings.setdefault(
                anchor, Heading(heading.group(2), anchor, Pos(shown, number, column))
            )
        elif embed := EMBED.match(line):
            article.embeds.append((embed.group(1) or "", Pos(shown, number, 1)))
    if not article.title:
        article.title = file.stem.replace("-", " ").capitalize()
    return article


class PathDisplay:
    """Shows paths relative to the working directory, as the problem format asks."""

    def __init__(self, base: Path) -> None:
        self.base = base.resolve()

    def __call__(self, path: Path) -> str:
        import os

        return os.path.relpath(
            path.resolve() if not path.is_symlink() else path.absolute(), self.base
        )
