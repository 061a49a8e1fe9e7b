"""Text like a real help center's, for the search benchmark's generated site.

bench/build_cost.py writes every string from a few dozen words per language, drawn
uniformly: every word is on nearly every page. That is right for timing a build and the
worst case for a search index (every word's page list holds every page, every index
chunk is full), so it says nothing of search in a real help center. Here instead:

  - each language has a vocabulary of many thousands of words: first the words of the
    repository's own articles in that language (content/*.<lang>.md), most frequent
    first, then pseudo-words built from the syllables of those words (so they have the
    language's letters, diacritics and word shapes; Vietnamese ones are one or two
    syllables, as its words are);
  - words are drawn with a Zipf-like frequency (the r-th word about 1/r as often as the
    first), and each article has a topic, a few dozen words it uses more than others: a
    typical word is on a few pages, common words on many;
  - articles have a title, an introduction and 3 to 6 sections (headings `{#h1}`,
    `{#h2}`, ... as build_cost's troubleshooters link them), some with numbered steps or
    bullets, some with a sub-heading: 150 to 900 words, about 450 on average.

`use_realistic_text()` makes build_cost.make_project write such articles, and its
troubleshooters and section pages from the same vocabulary.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from pathlib import Path

import build_cost

REPO = Path(__file__).resolve().parents[1]
VOCABULARY_SIZE = 20_000  # distinct words per language (Vietnamese: distinct 1-2 syllable words)
ZIPF_SHIFT = 2.7  # Zipf-Mandelbrot: the first few words are not absurdly more frequent
TOPIC_WORDS, TOPIC_SHARE = 40, 0.2  # each article's topic and the share of its words from it
LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
VOWELS = set("aeiouyæøå")


def is_vowel(char: str) -> bool:
    return unicodedata.normalize("NFD", char)[0] in VOWELS


def syllables(word: str) -> list[str]:
    """Split a word before the last consonant ahead of each vowel group (ac-count,
    pem-ba-ya-ran); a word's first and last consonants stay with its first and last
    syllable."""
    vowel = [is_vowel(char) for char in word]
    cuts = [i for i in range(1, len(word)) if vowel[i] and not vowel[i - 1] and any(vowel[: i - 1])]
    bounds = [0, *(cut - 1 for cut in cuts), len(word)]
    return [word[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if word[a:b]]


def sample_words(lang: str) -> Counter[str]:
    """The words of the repository's articles in `lang`, with their counts."""
    counts: Counter[str] = Counter()
    for path in sorted((REPO / "content").rglob("*.md")):
        suffix = path.name.split(".")[-2] if path.name.count(".") > 1 else "en"
        if suffix != lang:
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?s)\A---.*?---", " ", text)  # front matter
        text = re.sub(r"\]\([^)]*\)|\{#[^}]*\}|https?://\S+|`[^`]*`", " ", text)
        counts.update(word.lower() for word in LETTERS.findall(text))
    return counts


def pseudo_words(lang: str, real: Counter[str], rng: random.Random) -> Iterator[str]:
    """Endless new words made of the syllables of the real ones."""
    if lang == "vi":  # a syllable is a word: onset + rhyme, each seen in real syllables
        onsets: Counter[str] = Counter()
        rhymes: Counter[str] = Counter()
        for word, count in real.items():
            cut = next((i for i, c in enumerate(word) if is_vowel(c)), len(word))
            onsets[word[:cut]] += count
            rhymes[word[cut:]] += count
        made = [o + r for o in onsets for r in rhymes if r]
        rng.shuffle(made)
        singles = [w for w in made if w not in real]
        firsts = singles + list(real)
        while True:
            first = rng.choice(firsts)
            yield first if rng.random() < 0.3 else f"{first} {rng.choice(singles)}"
    parts: Counter[str] = Counter()
    lengths: list[int] = []
    for word in real:
        pieces = syllables(word)
        lengths.append(len(pieces))
        for piece in pieces:
            parts[piece] += 1  # by word, not by use: "the" and "and" are no syllables
    names, weights = list(parts), list(accumulate(parts.values()))
    while True:
        size = max(1, min(5, rng.choice(lengths) + rng.choice((-1, 0, 0, 1))))
        yield "".join(rng.choices(names, cum_weights=weights, k=size))


class Vocabulary:
    """One language's words, most frequent first, drawn with a Zipf-like frequency."""

    def __init__(self, lang: str, size: int, rng: random.Random) -> None:
        real = sample_words(lang)
        words = [word for word, _ in real.most_common()]
        seen = set(words)
        for word in pseudo_words(lang, real, rng):
            if len(words) >= size:
                break
            if word not in seen and 2 <= len(word) <= 18:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(accumulate(1 / (rank + ZIPF_SHIFT) for rank in range(len(words))))

    def draw(self, rng: random.Random, count: int, topic: list[str] | None = None) -> list[str]:
        drawn = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        if topic:
            drawn = [rng.choice(topic) if rng.random() < TOPIC_SHARE else w for w in drawn]
        return drawn

    def topic(self, rng: random.Random) -> list[str]:
        """Words an article is about: mostly from the less common part of the vocabulary."""
        return [
            self.words[int(len(self.words) ** rng.uniform(0.4, 1.0)) - 1]
            for _ in range(TOPIC_WORDS)
        ]


def sentence(vocabulary: Vocabulary, rng: random.Random, count: int, topic: list[str]) -> str:
    return " ".join(vocabulary.draw(rng, count, topic)).capitalize()


def paragraph(vocabulary: Vocabulary, rng: random.Random, topic: list[str]) -> str:
    ends = (".", ".", ".", "?")
    return " ".join(
        sentence(vocabulary, rng, rng.randint(6, 22), topic) + rng.choice(ends)
        for _ in range(rng.randint(1, 4))
    )


def article_text(
    vocabulary: Vocabulary, rng: random.Random, layout_seed: float
) -> tuple[str, list[str], str]:
    """(title, section headings, Markdown) of one article. Its layout (sections, lists,
    sub-headings and their anchors) comes from `layout_seed`, the same in every language
    of the article, as a translation keeps the English headings' anchors."""
    layout = random.Random(layout_seed)
    topic = vocabulary.topic(rng)
    title = sentence(vocabulary, rng, rng.randint(3, 8), topic)
    headings = [
        sentence(vocabulary, rng, rng.randint(2, 6), topic) for _ in range(layout.randint(3, 6))
    ]
    lines = [f"# {title}", "", paragraph(vocabulary, rng, topic), ""]
    for number, heading in enumerate(headings):
        lines += [f"## {heading} {{#h{number + 1}}}", ""]
        for _ in range(layout.randint(1, 2)):
            lines += [paragraph(vocabulary, rng, topic), ""]
        kind = layout.random()
        if kind < 0.35:
            for step in range(1, layout.randint(3, 7)):
                bold = sentence(vocabulary, rng, rng.randint(1, 3), topic)
                text = sentence(vocabulary, rng, rng.randint(4, 12), topic)
                lines.append(f"{step}. {text} **{bold}**.")
            lines.append("")
        elif kind < 0.6:
            lines += [f"- {sentence(vocabulary, rng, rng.randint(3, 9), topic)}" for _ in range(3)]
            lines.append("")
        if layout.random() < 0.25:
            sub = sentence(vocabulary, rng, rng.randint(2, 5), topic)
            lines += [f"### {sub} {{#h{number + 1}-more}}", ""]
            lines += [paragraph(vocabulary, rng, topic), ""]
    return title, headings, "\n".join(lines)


def write_articles(
    content: Path,
    count: int,
    languages: Iterable[str],
    rng: random.Random,
    vocabularies: dict[str, Vocabulary],
) -> list[build_cost.Article]:
    """build_cost.write_articles with realistic text: the same paths, section pages and
    anchors, so its troubleshooters link the same way."""
    languages = list(languages)
    articles = []
    english: dict[str, str] = {}
    indexes: set[str] = {"index.md", "contact.md"}
    for path in build_cost.article_paths(count):
        parts = path.split("/")
        indexes.update("/".join(parts[:depth]) + "/index.md" for depth in range(1, len(parts)))
        article, layout = build_cost.Article(path), rng.random()
        for lang in languages:
            title, headings, text = article_text(vocabularies[lang], rng, layout)
            article.title[lang], article.headings[lang] = title, headings
            build_cost.write_page(content, path, lang, text, english)
        articles.append(article)
    for index in sorted(indexes):
        for lang in languages:
            vocabulary = vocabularies[lang]
            text = f"# {sentence(vocabulary, rng, 3, [])}\n\n{paragraph(vocabulary, rng, [])}\n"
            build_cost.write_page(content, index, lang, text, english)
    return articles


@contextmanager
def use_realistic_text(languages: Iterable[str], seed: int = 11) -> Iterator[None]:
    """While active, build_cost.make_project writes articles, troubleshooters and section
    pages from a realistic vocabulary (see the module's docstring)."""
    rng = random.Random(seed)
    vocabularies = {lang: Vocabulary(lang, VOCABULARY_SIZE, rng) for lang in languages}
    saved = build_cost.write_articles, build_cost.phrase

    def articles(
        content: Path, count: int, langs: Iterable[str], rng: random.Random
    ) -> list[build_cost.Article]:
        return write_articles(content, count, langs, rng, vocabularies)

    def phrase(rng: random.Random, lang: str, count: int) -> str:
        return " ".join(vocabularies[lang].draw(rng, count)).capitalize()

    build_cost.write_articles, build_cost.phrase = articles, phrase  # type: ignore[assignment]
    try:
        yield
    finally:
        build_cost.write_articles, build_cost.phrase = saved
