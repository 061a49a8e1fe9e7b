"""A translation names one of the site's own things (a troubleshooter, a button the
customer must find) differently from the glossary (`glossary.yml` beside mkdocs.yml),
or leaves the English word where the language has an approved one. Customers then meet
two names for one thing. Checked: tree translations, translated articles, the
languages' titles in mkdocs.yml, and the interface strings when they are part of the
project. Use the approved word (or fix the glossary).

Passing::

    # glossary.yml: troubleshooter: {en: troubleshooter, nb: veiviser, avoid: {nb: [feilsøking]}}
    title: Bruk veiviseren

Failing::

    title: Bruk feilsøkingen        # 'feilsøking' is to be avoided: use 'veiviser'
    title: Bruk troubleshooteren    # the English word left in: use 'veiviser'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from generator.articles import EMBED
from generator.glossary import GLOSSARY_FILE, Glossary, Term, read_glossary, word_pattern
from generator.model import SOURCE_LANGUAGE, Pos
from generator.problems import Level, Problem
from generator.rules._textpos import offset_pos
from generator.rules.base import Context, language_name
from generator.rules.text_scan import CODE_SPAN, MARKDOWN_LINK

ID = "glossary-term"
LEVEL = Level.WARNING
SCOPE = "project"

FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
ATTRIBUTES = re.compile(r"\{[^}\n]*\}")
LANGUAGE_START = re.compile(r"^(\s*)-\s*locale:\s*['\"]?([\w-]+)")
KEY_VALUE = re.compile(r"^\s*(?:\"[^\"]*\"|'[^']*'|[^:#]+?)\s*:[ \t]+(?=\S)")
NOT_TEXT = {"name", "locale", "build", "default", "link", "fixed_link", "nav_translations"}


def _blank(text: str, pattern: re.Pattern[str], group: int = 0) -> str:
    return pattern.sub(lambda m: _spaces(m, group), text)


def _spaces(match: re.Match[str], group: int) -> str:
    whole, start, end = (
        match.group(0),
        match.start(group) - match.start(),
        match.end(group) - match.start(),
    )
    return whole[:start] + re.sub(r"\S", " ", whole[start:end]) + whole[end:]


def _readable(text: str) -> str:
    """The words a customer reads: code, link targets, {#attributes} and embed lines
    blanked out (same length, so offsets still hold)."""
    text = _blank(text, CODE_SPAN)
    text = _blank(text, MARKDOWN_LINK, 1)
    text = _blank(text, ATTRIBUTES)
    return "\n".join(" " * len(line) if EMBED.match(line) else line for line in text.split("\n"))


def misses(text: str, language: str, terms: list[Term]) -> Iterator[tuple[int, str]]:
    """(offset, message) of every term used against the glossary in `text`."""
    readable = _readable(text)
    for term in terms:
        approved = term.forms.get(language)
        if not approved:
            continue
        for form in approved:  # approved words are never also read as words to avoid
            readable = _blank(readable, word_pattern(form))
        for word in sorted(term.avoid.get(language, []), key=len, reverse=True):
            pattern = word_pattern(word)
            for found in pattern.finditer(readable):
                yield (
                    found.start(),
                    (
                        f"'{found.group()}' is not the {language_name(language)} term for "
                        f"'{term.forms['en'][0]}'; use '{approved[0]}' ({GLOSSARY_FILE})"
                    ),
                )
            readable = _blank(readable, pattern)  # one word, one problem
        english = term.forms["en"]
        if any(form.casefold() in (a.casefold() for a in approved) for form in english):
            continue  # the language keeps the English word (a button shown in English)
        for form in english:
            for found in word_pattern(form).finditer(readable):
                yield (
                    found.start(),
                    (
                        f"'{found.group()}' is left in English; the {language_name(language)} "
                        f"term is '{approved[0]}' ({GLOSSARY_FILE})"
                    ),
                )


def check(ctx: Context) -> Iterator[Problem]:
    root = ctx.config.root
    glossary = read_glossary(root / GLOSSARY_FILE, _shown(ctx, root / GLOSSARY_FILE))
    if glossary is None:
        return
    for pos, mistake in glossary.mistakes:
        yield Problem.at(pos, LEVEL, ID, mistake)
    languages = ctx.config.translation_languages
    yield from _trees(ctx, glossary, languages)
    yield from _articles(ctx, glossary, languages)
    if ctx.config.mkdocs_yml is not None and ctx.config.mkdocs_yml.is_file():
        yield from _mkdocs(ctx.config.mkdocs_yml, ctx.config_path, glossary)
    # The interface strings, when they are this project's own (the helpcenter repository).
    locales = Path(__file__).resolve().parent.parent / "locales"
    if locales.is_relative_to(root.resolve()):
        for language in languages:
            file = locales / f"{language}.yml"
            if file.is_file():
                yield from _locale(file, _shown(ctx, file), language, glossary)


def _shown(ctx: Context, file: Path) -> str:
    import os

    base = Path(ctx.config_path).parent if ctx.config_path else Path()
    relative = Path(os.path.relpath(file, ctx.config.root))
    return str(base / relative) if str(base) != "." else str(relative)


def _trees(ctx: Context, glossary: Glossary, languages: list[str]) -> Iterator[Problem]:
    for tree in ctx.trees:
        for language, translation in tree.translations.items():
            if language not in languages:
                continue
            for text in translation.strings.values():
                for offset, message in misses(text.value, language, glossary.terms):
                    yield Problem.at(offset_pos(text, offset), LEVEL, ID, message)


def _articles(ctx: Context, glossary: Glossary, languages: list[str]) -> Iterator[Problem]:
    for versions in ctx.articles.articles.values():
        for language, article in versions.items():
            if language == SOURCE_LANGUAGE or language not in languages:
                continue
            file = ctx.config.content_dir / _source_name(article.path, ctx)
            if not file.is_file():
                continue
            text = file.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            body = _blank(text, FRONT_MATTER)
            start = Pos(article.path, 1, 1)
            for offset, message in misses(body, language, glossary.terms):
                yield Problem.at(_advance(start, text, offset), LEVEL, ID, message)


def _advance(start: Pos, text: str, offset: int) -> Pos:
    line_start = text.rfind("\n", 0, offset) + 1
    return Pos(start.path, start.line + text.count("\n", 0, offset), offset - line_start + 1)


def _source_name(shown: str, ctx: Context) -> str:
    """The article's path inside content/ from the path shown in messages."""
    content = Path(_shown(ctx, ctx.config.content_dir))
    return (
        Path(shown).relative_to(content).as_posix()
        if Path(shown).is_relative_to(content)
        else shown
    )


def _mkdocs(file: Path, shown: str, glossary: Glossary) -> Iterator[Problem]:
    """The titles of each language's entry in mkdocs.yml (site_name, nav_translations):
    a line belongs to the `- locale:` entry above it, until the indentation goes back."""
    language, indent = "", ""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if start := LANGUAGE_START.match(line):
            language, indent = start[2], start[1]
            continue
        if line.strip() and len(line) - len(line.lstrip()) <= len(indent):
            language = ""
        key = line.split(":", 1)[0].strip()
        if language and language != SOURCE_LANGUAGE and key not in NOT_TEXT:
            yield from _line(shown, number, line, language, glossary)


def _locale(file: Path, shown: str, language: str, glossary: Glossary) -> Iterator[Problem]:
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        yield from _line(shown, number, line, language, glossary)


def _line(
    shown: str, number: int, line: str, language: str, glossary: Glossary
) -> Iterator[Problem]:
    """The value of a `key: value` line (keys are English on purpose, so not checked)."""
    match = KEY_VALUE.match(line)
    if match is None:
        return
    value = " " * match.end() + line[match.end() :]
    for offset, message in misses(value, language, glossary.terms):
        yield Problem(shown, number, offset + 1, LEVEL, ID, message)
