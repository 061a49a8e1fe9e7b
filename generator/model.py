"""The validated decision-tree model that renderers consume.

Plain dataclasses, no MkDocs: every writer string keeps the position it came from so that
later checks (and renderers) can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_LANGUAGE = "en"

OUTCOME_KINDS: tuple[str, ...] = ("solved", "action-needed", "not-eligible", "contact-support")


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a file; line and column count from 1."""

    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Text:
    """A writer string and where it was written.

    Where it was typed in the file's text (`source`, shared by every string of the file:
    from `start`, at `pos`, content from `body` to `end`) lets a message point at a
    character inside it (generator/rules/_textpos.py)."""

    value: str
    pos: Pos
    source: str = field(default="", compare=False, repr=False)
    start: int = field(default=0, compare=False, repr=False)
    body: int = field(default=0, compare=False, repr=False)
    end: int = field(default=0, compare=False, repr=False)


@dataclass
class Option:
    id: str
    label: Text
    next: str
    pos: Pos
    next_pos: Pos


@dataclass
class Question:
    id: str
    pos: Pos
    question: Text
    help: Text | None
    options: list[Option]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass
class ArticleLink:
    """A link to an article in content/: `path.md` or `path.md#anchor`."""

    target: str
    pos: Pos

    @property
    def path(self) -> str:
        return self.target.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.target.partition("#")[2]


@dataclass
class ExternalLink:
    id: str
    label: Text
    url: str
    pos: Pos
    url_pos: Pos


@dataclass
class Outcome:
    id: str
    pos: Pos
    kind: str
    title: Text
    body: Text
    articles: list[ArticleLink] = field(default_factory=list)
    links: list[ExternalLink] = field(default_factory=list)


Node = Question | Outcome


@dataclass
class TreeTranslation:
    """One language's overlay: text keys (see `text_keys`) to translated text."""

    language: str
    path: str
    strings: dict[str, Text]
    fingerprints: dict[str, Text]
    pos: Pos
    # Where each node id / option id / link id key was written, to point at unknown ones.
    key_pos: dict[str, Pos] = field(default_factory=dict)


@dataclass
class Scenario:
    name: str
    answers: list[Text]
    expect: Text
    pos: Pos


@dataclass
class Tree:
    id: str
    path: str
    pos: Pos
    title: Text
    summary: Text
    start: Text
    nodes: dict[str, Node]
    draft: bool = False
    translations: dict[str, TreeTranslation] = field(default_factory=dict)
    scenarios: list[Scenario] = field(default_factory=list)
    scenarios_path: str | None = None
    # Nodes that exist but could not be read (schema errors): graph checks treat them as
    # present and do not guess what they lead to.
    unusable: set[str] = field(default_factory=set)
    # source_texts() is asked for one key at a time while rendering: build it once, or
    # rendering a tree costs the square of its size.
    _source_texts: dict[str, Text] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def source_texts(self) -> dict[str, Text]:
        """Every translatable English string, keyed as translations key them."""
        if self._source_texts is None:
            self._source_texts = self._collect_source_texts()
        return self._source_texts

    def _collect_source_texts(self) -> dict[str, Text]:
        texts: dict[str, Text] = {"title": self.title, "summary": self.summary}
        for node in self.nodes.values():
            if isinstance(node, Question):
                texts[f"{node.id}.question"] = node.question
                if node.help is not None:
                    texts[f"{node.id}.help"] = node.help
                for option in node.options:
                    texts[f"{node.id}.options.{option.id}"] = option.label
            else:
                texts[f"{node.id}.title"] = node.title
                texts[f"{node.id}.body"] = node.body
                for link in node.links:
                    texts[f"{node.id}.links.{link.id}"] = link.label
        return texts

    def text(self, key: str, language: str) -> tuple[str, str]:
        """The text for `key` in `language`, and the language it is really in.

        A missing translation falls back to English; the second value says so, so that
        renderers can mark the fallback with lang="en".
        """
        translation = self.translations.get(language)
        if translation is not None and key in translation.strings:
            return translation.strings[key].value, language
        source = self.source_texts()[key]
        return source.value, SOURCE_LANGUAGE

    def walk(self, answers: list[str]) -> tuple[list[Node], str | None]:
        """Follow option ids from the start. Returns the nodes visited and, if an answer
        does not fit, the first one that does not."""
        node = self.nodes.get(self.start.value)
        visited: list[Node] = []
        if node is None:
            return visited, None
        visited.append(node)
        for answer in answers:
            option = node.option(answer) if isinstance(node, Question) else None
            if option is None or option.next not in self.nodes:
                return visited, answer
            node = self.nodes[option.next]
            visited.append(node)
        return visited, None
