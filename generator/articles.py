"""An index of the Markdown articles in content/: languages, titles, explicit heading
anchors and troubleshooter embeds, read as text (no Markdown engine needed).

An article is read as MkDocs reads it: UTF-8, universal newlines, and split into lines at
line feeds only (Markdown does not break lines at U+2028 or form feeds; splitlines does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from generator.model import SOURCE_LANGUAGE, Pos
from generator.problems import Problem

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
    # The text as MkDocs reads it ("\n" line ends); the Markdown starts at line body_line,
    # after the front matter. Empty when the file could not be decoded.
    text: str = ""
    body_line: int = 1
    # A second heading with an anchor already used in the article (the first one wins).
    duplicate_headings: list[Heading] = field(default_factory=list)
    # What stops the file from being read as text (not UTF-8): reported by the rules.
    read_problems: list[Problem] = field(default_factory=list)


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
    article = ArticleFile(shown, language, title="")
    # Imported here: yamlload reports with the rules, whose context holds an ArticleIndex.
    from generator.yamlload import decode_utf8

    data = file.read_bytes()
    text, problems = decode_utf8(data, shown)
    if text is None:  # the build could not read it: report where, index what can be read
        article.read_problems = problems
        text = data.decode("utf-8", errors="replace")
    else:
        article.text = text = universal_newlines(text)
        article.body_line = front_matter_lines(text) + 1
        article.read_problems = _hidden_characters(article)
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
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
            found = Heading(heading.group(2), anchor, Pos(shown, number, column))
            if anchor in article.headings:
                article.duplicate_headings.append(found)
            else:
                article.headings[anchor] = found
        elif embed := EMBED.match(line):
            article.embeds.append((embed.group(1) or "", Pos(shown, number, 1)))
    if not article.title:
        article.title = file.stem.replace("-", " ").capitalize()
    return article


def _hidden_characters(article: ArticleFile) -> list[Problem]:
    """Control, bidirectional and invisible characters, as in tree text: the page would
    read differently from the file under review (code included: it is shown too)."""
    # Imported here: these modules import the rules, whose context holds an ArticleIndex.
    from generator.characters import hidden_characters
    from generator.model import Text
    from generator.rules._article_text import offset_pos
    from generator.typed_text import hidden_character_problems

    hidden = [(i, c) for i, c in hidden_characters(article.text) if c != "\t"]
    if not hidden:
        return []
    whole = Text(article.text, Pos(article.path, 1, 1))
    position = partial(offset_pos, article)
    return hidden_character_problems(whole, hidden, "the article", position)


def universal_newlines(text: str) -> str:
    """Line ends as Python's text files (and so MkDocs) read them: CR LF and CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*")
_META_MORE = re.compile(r"^([ ]{4}|\t)")


def front_matter_lines(text: str) -> int:
    """How many lines MkDocs takes as the page's metadata before the Markdown: a `---`
    YAML block, or leading `key: value` lines (MultiMarkdown style), and the blank lines
    after them. MkDocs' own rule (mkdocs.utils.meta.get_data), restated without MkDocs."""
    if match := FRONT_MATTER.match(text):
        if not _is_mapping(match.group(1)):
            return 0
        end = match.end()
        return text.count("\n", 0, end) + _blank_lines(text[end:])
    lines = text.split("\n")
    consumed, in_meta = 0, False
    while consumed < len(lines):
        line = lines[consumed]
        if line.strip() == "":
            consumed += 1
            break
        if _META_LINE.match(line) or (in_meta and _META_MORE.match(line)):
            consumed, in_meta = consumed + 1, True
            continue
        break
    return consumed + _blank_lines("\n".join(lines[consumed:]))


# libyaml's parser first, as generator/yamlload.py chooses it (not imported here: it
# imports the rules, which import this module); then PyYAML's own, which MkDocs uses and
# which takes a few blocks libyaml refuses.
_LOADERS = tuple(dict.fromkeys((getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader)))


def _is_mapping(block: str) -> bool:
    """Whether MkDocs takes this `---` block as the page's metadata: YAML of a mapping."""
    for loader in _LOADERS:
        try:
            return isinstance(yaml.load(block, Loader=loader), dict)
        except yaml.YAMLError:
            continue
    return False


def _blank_lines(text: str) -> int:
    """The number of empty lines MkDocs strips at the start of the Markdown."""
    return len(text) - len(text.lstrip("\n"))


class PathDisplay:
    """Shows paths relative to the working directory, as the problem format asks."""

    def __init__(self, base: Path) -> None:
        self.base = base.resolve()
        self._folders: dict[Path, Path] = {}  # for one reading of the project

    def resolve(self, path: Path) -> Path:
        """`path.resolve()`, with each folder resolved once: thousands of articles share
        a few folders, and resolving is a system call per part of the path."""
        return path.resolve() if path.is_symlink() else self._in_resolved_folder(path)

    def _in_resolved_folder(self, path: Path) -> Path:
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        return folder / path.name

    def __call__(self, path: Path) -> str:
        import os

        shown = path.absolute() if path.is_symlink() else self._in_resolved_folder(path)
        return os.path.relpath(shown, self.base)
