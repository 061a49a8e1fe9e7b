"""The writers' part of the site (/writers/, never in search or in customer navigation):
every tree's map drawn as a picture, and a translation status page per language built
from the same data as `helpcenter translations status`."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from markupsafe import Markup, escape

from generator.gc_pauses import without_gc_pauses
from generator.map_svg import legend, taken_answers, tree_svg
from generator.model import SOURCE_LANGUAGE, Tree
from generator.project import Project
from generator.rules.base import LANGUAGE_NAMES
from generator.translations.status import Counts, LanguageStatus, language_status


@without_gc_pauses
def map_picture(
    tree: Tree, language: str, ui: dict[str, str], title: str, page: str = ""
) -> Markup:
    """The picture, scrollable sideways when wider than the page, and its legend."""
    drawn = str(_drawn(tree, language))
    svg = Markup(drawn.replace(_TITLE, str(escape(title))).replace(_PAGE, str(escape(page))))
    return Markup(
        '<figure class="hc-map__figure" data-tree="{id}">'
        '<div class="hc-map__scroll" style="overflow-x:auto">{svg}</div>'
        "<figcaption>{legend}</figcaption></figure>"
    ).format(id=tree.id, svg=svg, legend=legend(ui))


# Each picture is drawn twice per language (its map page, the writers' index), differing
# only in its title and the address its steps link to: draw it once with stand-ins for
# both. A large tree takes a good part of a second to draw.
_PAGE = "hc-map-page-" + secrets.token_hex(8)
_TITLE = "hc-map-title-" + secrets.token_hex(8)
_DRAWN: dict[tuple[int, str], tuple[Tree, Markup]] = {}


def _drawn(tree: Tree, language: str) -> Markup:
    key = (id(tree), language)
    cached = _DRAWN.get(key)
    if cached is not None and cached[0] is tree:  # the tree is kept: its id stays its own
        return cached[1]
    if len(_DRAWN) > 256:
        _DRAWN.clear()
    svg = tree_svg(tree, language, taken_answers(tree), _TITLE, _PAGE)
    _DRAWN[key] = (tree, svg)
    return svg


@without_gc_pauses
def writers_index(
    trees: list[Tree],
    language: str,
    ui: dict[str, str],
    title_of: Callable[[Tree], tuple[str, str]],
    map_href: Callable[[Tree], str],
    status_href: str,
) -> Markup:
    """Links to each map page and to the status page, then every tree's picture."""
    items: list[Markup] = []  # joined once: adding to a Markup copies it every time
    pictures: list[Markup] = []
    for tree in trees:
        title, title_lang = title_of(tree)
        lang = Markup(' lang="{}"').format(title_lang) if title_lang != language else ""
        items.append(
            Markup('<li><a href="{}"{}>{}</a> (<code>{}</code>)</li>\n').format(
                map_href(tree), lang, title, tree.id
            )
        )
        pictures.append(
            Markup('<h2 id="map-{id}"{lang}>{title}</h2>\n{picture}\n').format(
                id=tree.id,
                lang=lang,
                title=title,
                picture=map_picture(tree, language, ui, title, map_href(tree)),
            )
        )
    return Markup(
        '<p>{intro}</p>\n<ul>\n{items}<li><a href="{status}">{status_title}</a></li>\n</ul>\n{pictures}'
    ).format(
        intro=ui["writers_intro"], items=Markup("").join(items), status=status_href,
        status_title=ui["status_title"], pictures=Markup("").join(pictures),
    )  # fmt: skip


def _language(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _counts_cells(counts: Counts) -> Markup:
    return Markup("<td>{}</td><td>{}</td><td>{}</td>").format(
        counts.translated, counts.stale, counts.missing
    )


def _head(ui: dict[str, str], first: str) -> Markup:
    return Markup("<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>").format(
        first, ui["status_translated"], ui["status_stale"], ui["status_missing"]
    )


@without_gc_pauses
def status_page(project: Project, language: str, ui: dict[str, str]) -> Markup:
    """English build: one row per language. Other builds: that language in detail."""
    out = Markup("<p>{}</p>\n").format(ui["status_intro"])
    if language == SOURCE_LANGUAGE:
        rows = Markup()
        for language_code in project.config.translation_languages:
            status = _status(project, language_code)
            rows += Markup('<tr data-language="{code}"><th scope="row">{name}</th>{s}{a}</tr>\n').format(
                code=status.language, name=_language(status.language),
                s=_counts_cells(status.strings), a=_counts_cells(status.articles),
            )  # fmt: skip
        head = Markup(
            '<thead><tr><th rowspan="2">{lang}</th><th colspan="3">{s}</th><th colspan="3">{a}</th></tr>'
            "<tr><th>{t}</th><th>{st}</th><th>{m}</th><th>{t}</th><th>{st}</th><th>{m}</th></tr></thead>"
        ).format(
            lang=ui["status_language"], s=ui["status_strings"], a=ui["status_articles"],
            t=ui["status_translated"], st=ui["status_stale"], m=ui["status_missing"],
        )  # fmt: skip
        return out + Markup("<table>{}<tbody>\n{}</tbody></table>").format(head, rows)
    return out + _detail(_status(project, language), ui)


# The English status page shows every language, and each language's page shows it again:
# work each out once per project (a new one is read for every build).
_STATUSES: dict[int, tuple[Project, dict[str, LanguageStatus]]] = {}


def _status(project: Project, language: str) -> LanguageStatus:
    cached = _STATUSES.get(id(project))
    if cached is None or cached[0] is not project:  # the project is kept: its id stays its own
        _STATUSES.clear()
        cached = _STATUSES[id(project)] = (project, {})
    if language not in cached[1]:
        cached[1][language] = language_status(project, language)
    return cached[1][language]


def _detail(status: LanguageStatus, ui: dict[str, str]) -> Markup:
    trees = Markup()
    for item in status.trees:
        if item.counts is not None:
            trees += Markup(
                '<tr data-item="{0}"><th scope="row"><code>{0}</code></th>{1}</tr>\n'
            ).format(item.name, _counts_cells(item.counts))
    trees += Markup('<tr><th scope="row">Σ</th>{}</tr>\n').format(_counts_cells(status.strings))
    state_label = {
        "translated": ui["status_translated"],
        "stale": ui["status_stale"],
        "missing": ui["status_missing"],
    }
    articles = Markup()
    for item in status.article_items:
        articles += Markup(
            '<tr data-item="{0}" data-state="{1}"><th scope="row"><code>{0}</code></th><td>{2}</td></tr>\n'
        ).format(item.name, item.state, state_label[item.state])
    return Markup(
        '<h2 id="strings">{s}</h2>\n<table>{head}<tbody>\n{trees}</tbody></table>\n'
        '<h2 id="articles">{a}</h2>\n<table><tbody>\n{articles}</tbody></table>\n'
    ).format(
        s=ui["status_strings"], head=_head(ui, ""), trees=trees, a=ui["status_articles"],
        articles=articles,
    )  # fmt: skip
