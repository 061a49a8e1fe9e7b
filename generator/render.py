"""Render decision trees as HTML: the interactive troubleshooter, its page, and the map
page for writers. Plain Python and Jinja2, no MkDocs, so it is testable on its own.

Writer text is Markdown rendered with raw HTML turned off (see `writer_text`), and the
tree data reaches the browser as JSON in a `<script type="application/json">` element.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from typing import Any
from urllib.parse import quote

import jinja2
import yaml
from markupsafe import Markup

from generator import urls
from generator.gc_pauses import without_gc_pauses
from generator.model import SOURCE_LANGUAGE, Node, Outcome, Question, Tree
from generator.trail import TrailEntry, shortest_trails, trail_html, trail_item
from generator.writer_text import LinkResolver, render_block, render_inline, to_plain

UiStrings = dict[str, str]


@dataclass(frozen=True)
class ArticleRef:
    """An article section as a page shows it: where it is and what it is called."""

    href: str
    label: str
    lang: str  # the language the label is really in


ArticleResolver = Callable[[str, str], "ArticleRef | None"]  # (path, anchor) -> ref


@dataclass
class RenderContext:
    """What a page in one language knows: its UI strings and how to reach articles."""

    language: str
    ui: UiStrings
    articles: ArticleResolver = field(default=lambda path, anchor: None)
    # mailto: or https: URL with {subject} and {summary} placeholders, an article path
    # (contact.md), or None for no route
    contact_url: str | None = None

    def link_resolver(self) -> LinkResolver:
        def resolve(path: str, anchor: str) -> str | None:
            ref = self.articles(path, anchor)
            return ref.href if ref else None

        return resolve


@dataclass(frozen=True)
class Localized:
    """Writer text in a page's language; `lang` is set only when it fell back to another,
    and `attr` is then its ` lang="…"` attribute (made here, not by a template macro:
    a large tree shows tens of thousands of texts)."""

    html: Markup
    lang: str | None
    attr: Markup

    @cached_property
    def plain(self) -> str:
        return to_plain(self.html)


_NO_ATTR = Markup("")


def _lang_attr(lang: str | None) -> Markup:
    return Markup(' lang="{}"').format(lang) if lang else _NO_ATTR


@dataclass
class _Option:
    id: str
    next: str
    label: Localized
    href: str = ""


@dataclass
class _Link:
    url: str
    label: Localized


@dataclass
class _Step:
    """One step as the templates show it (attributes, not dict keys: Jinja reads an
    attribute at once, a key only after a failed attribute lookup)."""

    id: str
    kind: str  # "question" or "outcome"
    title: Localized
    dom_id: str = ""
    is_start: bool = False
    untranslated: bool = False
    help: Localized | None = None
    options: list[_Option] = field(default_factory=list)
    outcome: str = ""  # the outcome's kind
    kind_label: str = ""
    body: Localized | None = None
    articles: list[ArticleRef] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)
    summary: str = ""
    contact: str | None = None
    trail: Markup = _NO_ATTR  # the answers that lead here, for readers without JavaScript


@cache
def load_ui_strings(language: str) -> UiStrings:
    """The UI strings of `language`, English for any key (or language) it lacks."""
    english = _read_locale(SOURCE_LANGUAGE) or {}
    return {**english, **(_read_locale(language) or {})}


def _read_locale(language: str) -> UiStrings | None:
    resource = files("generator") / "locales" / f"{language}.yml"
    if not resource.is_file():
        return None
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


_ENV = _env()


class _TreeText:
    """Looks up and renders one tree's text in one language, marking fallbacks."""

    def __init__(self, tree: Tree, ctx: RenderContext) -> None:
        self.tree, self.ctx = tree, ctx
        self.resolve = ctx.link_resolver()
        self.fell_back = False

    def get(self, key: str, block: bool = False, links: bool = True) -> Localized:
        text, lang = self.tree.text(key, self.ctx.language)
        if block:
            html = render_block(text, self.resolve)
        else:
            html = render_inline(text, self.resolve, links=links)
        if lang == self.ctx.language:
            return Localized(html, None, _NO_ATTR)
        self.fell_back = True
        return Localized(html, lang, _lang_attr(lang))


def step_order(tree: Tree) -> list[Node]:
    """Breadth first from the start, then anything unreachable, so HTML reads in order."""
    seen: dict[str, None] = {}  # ordered, with constant-time lookups
    queue = deque([tree.start.value])
    while queue:
        node_id = queue.popleft()
        if node_id in seen or node_id not in tree.nodes:
            continue
        seen[node_id] = None
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            queue.extend(option.next for option in node.options)
    seen.update((node_id, None) for node_id in tree.nodes if node_id not in seen)
    return [tree.nodes[node_id] for node_id in seen]


def step_id(tree: Tree, node_id: str) -> str:
    """The element id of a step; also its no-JavaScript link target."""
    return f"{tree.id}--{node_id}"


def contact_href(template: str, subject: str, summary: str) -> str:
    """Fill {subject} and {summary} into the contact URL, percent-encoded."""
    return template.replace("{subject}", quote(subject, safe="")).replace(
        "{summary}", quote(summary, safe="")
    )


def contact_article(contact_url: str) -> tuple[str, str] | None:
    """(path, anchor) when contact_url names an article in the docs folder (`contact.md`,
    `help/contact.md#phone`): linked in the page's language, relative to the page."""
    path, _, anchor = contact_url.partition("#")
    if ":" in path or path.startswith("/") or not path.endswith(".md"):
        return None
    return path, anchor


def _contact_link(ctx: RenderContext, subject: str, summary: str) -> str | None:
    if not ctx.contact_url:
        return None
    article = contact_article(ctx.contact_url)
    if article is None:
        return contact_href(ctx.contact_url, subject, summary)
    ref = ctx.articles(*article)
    return ref.href if ref else None


def _steps(tree: Tree, text: _TreeText, ctx: RenderContext) -> list[_Step]:
    steps = []
    tree_title, _ = tree.text("title", ctx.language)
    plain_title = to_plain(render_inline(tree_title))  # once, not once per outcome
    for node in step_order(tree):
        before = text.fell_back
        text.fell_back = False
        if isinstance(node, Question):
            step = _Step(node.id, "question", text.get(f"{node.id}.question"))
            step.help = text.get(f"{node.id}.help", block=True) if node.help else None
            step.options = [
                _Option(
                    option.id,
                    option.next,
                    text.get(f"{node.id}.options.{option.id}", links=False),
                    "#" + step_id(tree, option.next),
                )
                for option in node.options
            ]
        else:
            step = _outcome(node, text, ctx, plain_title)
        step.dom_id = step_id(tree, node.id)
        step.is_start = node.id == tree.start.value
        step.untranslated = text.fell_back
        text.fell_back |= before
        steps.append(step)
    _add_trails(tree, steps, ctx.ui)
    return steps


def _add_trails(tree: Tree, steps: list[_Step], ui: UiStrings) -> None:
    """Each step's trail: the shortest path of answers from the start (generator.trail)."""
    by_id = {step.id: step for step in steps}
    questions = {s.id: [(o.id, o.next) for o in s.options] for s in steps if s.options}
    items: dict[tuple[str, str], Markup] = {}  # an answer is on up to TRAIL_LIMIT trails

    def item(question_id: str, answer_id: str) -> Markup:
        if (question_id, answer_id) not in items:
            question = by_id[question_id]
            label = next(o.label for o in question.options if o.id == answer_id)
            entry = TrailEntry(
                question.dom_id, question.title.plain, question.title.lang, label.plain, label.lang
            )
            items[question_id, answer_id] = trail_item(entry)
        return items[question_id, answer_id]

    for node_id, trail in shortest_trails(tree.start.value, questions).items():
        step = by_id.get(node_id)
        if step is not None and trail.answers:
            earlier = by_id[trail.answers[0][0]].dom_id if trail.earlier else None
            step.trail = trail_html([item(*answer) for answer in trail.answers], earlier, ui)


def _outcome(node: Outcome, text: _TreeText, ctx: RenderContext, tree_title: str) -> _Step:
    title = text.get(f"{node.id}.title")
    articles = [ref for link in node.articles if (ref := ctx.articles(link.path, link.anchor))]
    # A link the validator refuses (unsafe-url) never reaches the page, even if unchecked.
    links = [
        _Link(link.url, text.get(f"{node.id}.links.{link.id}", links=False))
        for link in node.links
        if urls.is_safe(link.url)
    ]
    summary = "\n".join(
        [
            f"{ctx.ui['summary_troubleshooter']}: {tree_title}",
            f"{ctx.ui['summary_result']}: {title.plain}",
        ]
    )
    return _Step(
        node.id,
        "outcome",
        title,
        outcome=node.kind,
        kind_label=ctx.ui.get(f"outcome_{node.kind}", ""),
        body=text.get(f"{node.id}.body", block=True),
        articles=articles,
        links=links,
        summary=summary,
        contact=_contact_link(ctx, title.plain, summary),
    )


def browser_data(tree: Tree, ctx: RenderContext) -> dict[str, Any]:
    """What the page script needs beside the steps' HTML: UI strings and the start. Step
    titles, answer labels and where each answer leads are read from the HTML (every step
    is there for readers without JavaScript), so no writer text travels twice."""
    ui_keys = [
        "your_answers",
        "change",
        "change_answer",
        "current_answer",
        "step_announce",
        "restart",
        "summary_troubleshooter",
        "summary_result",
        "summary_page",
        "feedback_thanks",
        "copied",
        "copy_failed",
    ]
    title, _ = tree.text("title", ctx.language)
    return {
        "tree": tree.id,
        "lang": ctx.language,
        "title": to_plain(render_inline(title)),
        "start": tree.start.value,
        # Only an address with {subject} and {summary} is filled in by the page script.
        "contact": None
        if ctx.contact_url is None or contact_article(ctx.contact_url)
        else ctx.contact_url,
        "ui": {key: ctx.ui[key] for key in ui_keys},
    }


@without_gc_pauses
def render_troubleshooter(tree: Tree, ctx: RenderContext) -> Markup:
    """The interactive troubleshooter: every step in the HTML, plain links between them."""
    text = _TreeText(tree, ctx)
    steps = _steps(tree, text, ctx)
    return Markup(
        _ENV.get_template("troubleshooter.html").render(
            tree_id=tree.id,
            steps=steps,
            data=browser_data(tree, ctx),
            ui=ctx.ui,
            language=ctx.language,
            untranslated=text.fell_back,
            start_href="#" + step_id(tree, tree.start.value),
        )
    )


def linked_articles(tree: Tree, ctx: RenderContext) -> list[ArticleRef]:
    """Every article section the outcomes link, once each, in step order."""
    refs: dict[str, ArticleRef] = {}
    for node in step_order(tree):
        if isinstance(node, Outcome):
            for link in node.articles:
                ref = ctx.articles(link.path, link.anchor)
                if ref is not None:
                    refs.setdefault(link.target, ref)
    return list(refs.values())


@without_gc_pauses
def render_troubleshooter_page(tree: Tree, ctx: RenderContext) -> Markup:
    """A troubleshooter's own page: title, summary, the troubleshooter, its articles."""
    text = _TreeText(tree, ctx)
    return Markup(
        _ENV.get_template("troubleshooter_page.html").render(
            title=text.get("title"),
            summary=text.get("summary", block=True),
            troubleshooter=render_troubleshooter(tree, ctx),
            articles=linked_articles(tree, ctx),
            ui=ctx.ui,
            language=ctx.language,
        )
    )


@without_gc_pauses
def render_map_page(tree: Tree, ctx: RenderContext, troubleshooter_href: str) -> Markup:
    """The outline half of a writers' map page: every step with where each answer goes.
    (The Mermaid flowchart is added by the site, which knows how Mermaid is loaded.)"""
    text = _TreeText(tree, ctx)
    return Markup(
        _ENV.get_template("map.html").render(
            tree_id=tree.id,
            steps=_outline(tree, text),
            ui=ctx.ui,
            troubleshooter_href=troubleshooter_href,
        )
    )


def _outline(tree: Tree, text: _TreeText) -> list[_Step]:
    """What the map shows of each step: its title and answers, not the outcome bodies."""
    outline: list[_Step] = []
    for node in step_order(tree):
        if isinstance(node, Question):
            step = _Step(node.id, "question", text.get(f"{node.id}.question"))
            step.options = [
                _Option(
                    option.id,
                    option.next,
                    text.get(f"{node.id}.options.{option.id}", links=False),
                )
                for option in node.options
            ]
        else:
            step = _Step(node.id, "outcome", text.get(f"{node.id}.title"), outcome=node.kind)
        outline.append(step)
    return outline
