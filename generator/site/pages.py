"""The Markdown sources of generated pages, and the placeholders that stand in for
rendered HTML until MkDocs has turned the Markdown into HTML.

A placeholder is an HTML comment carrying a per-process nonce, so that no text a writer
types can be mistaken for one; Markdown passes comments through untouched.
"""

from __future__ import annotations

import html
import json
import re
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup

from generator.articles import EMBED, FENCE
from generator.sanitize import clean_article

NONCE = secrets.token_hex(8)
PLACEHOLDER = re.compile(
    rf"(?:<p>)?<!--helpcenter:{NONCE}:(?P<kind>[a-z]+):(?P<arg>[a-z0-9-]*)-->(?:</p>)?"
)

TROUBLESHOOTERS_DIR = "troubleshooters"
WRITERS_DIR = "writers"


def placeholder(kind: str, arg: str = "") -> str:
    return f"\n\n<!--helpcenter:{NONCE}:{kind}:{arg}-->\n\n"


def troubleshooter_src(tree_id: str) -> str:
    return f"{TROUBLESHOOTERS_DIR}/{tree_id}.md"


def map_src(tree_id: str) -> str:
    return f"{WRITERS_DIR}/{tree_id}.md"


def writers_index_src() -> str:
    return f"{WRITERS_DIR}/index.md"


def _front_matter(meta: dict[str, Any]) -> str:
    """MkDocs themes print page titles and descriptions as HTML, unescaped (in <title>,
    the navigation, a meta attribute), so writer text is HTML-escaped here. JSON is YAML,
    and json.dumps quotes every string safely."""
    for key in ("title", "description"):
        if key in meta:
            meta[key] = html.escape(meta[key], quote=True)
    return "---\n" + json.dumps(meta, ensure_ascii=True) + "\n---\n"


def troubleshooter_markdown(tree_id: str, title: str, summary: str) -> str:
    meta = {"title": title, "description": summary, "hide": ["toc"]}
    return _front_matter(meta) + placeholder("page", tree_id)


def map_markdown(tree_id: str, title: str, mermaid_rendered: bool) -> str:
    """The map page: the tree drawn, then an outline of every step. By default the
    picture is an SVG made at build time (generator/map_svg.py): no script, no request
    to another host. With the site's own copy of Mermaid (`mermaid_js`), the Mermaid
    flowchart is drawn in the browser instead. Either is HTML the plugin writes: no
    Markdown fence turns into Mermaid, so no article can make Material load Mermaid from
    its CDN."""
    meta = {"title": title, "search": {"exclude": True}, "hide": ["toc"], "robots": "noindex"}
    picture = placeholder("mermaid" if mermaid_rendered else "mapsvg", tree_id)
    return _front_matter(meta) + picture + placeholder("map", tree_id)


def writers_index_markdown(title: str) -> str:
    meta = {"title": title, "search": {"exclude": True}, "robots": "noindex"}
    return _front_matter(meta) + placeholder("writers")


def status_src() -> str:
    return f"{WRITERS_DIR}/translation-status.md"


def status_markdown(title: str) -> str:
    meta = {"title": title, "search": {"exclude": True}, "robots": "noindex"}
    return _front_matter(meta) + placeholder("status")


def replace_embeds(markdown: str) -> tuple[str, list[tuple[int, str]]]:
    """Swap each `::: troubleshooter <id>` line (outside code fences) for a placeholder.
    Returns the new Markdown and the (line number, tree id) of every embed."""
    out, embeds, in_fence = [], [], False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := EMBED.match(line)):
            tree_id = match.group(1) or ""
            embeds.append((number, tree_id))
            out.append(placeholder("embed", tree_id))
            continue
        out.append(line)
    return "\n".join(out), embeds


def expand_placeholders(html: str, render: Callable[[str, str], Markup | str]) -> str:
    """Replace every placeholder with `render(kind, arg)`, and pass everything else (the
    HTML that Markdown made of writer text) through the allowlist sanitizer: whatever a
    rule missed cannot run. Our renderer's output sanitizes its own writer strings."""
    out, last = [], 0
    for match in PLACEHOLDER.finditer(html):
        out += [clean_article(html[last : match.start()]), str(render(match["kind"], match["arg"]))]
        last = match.end()
    out.append(clean_article(html[last:]))
    return "".join(out)


def escape_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A page's front matter with every text HTML-escaped: themes print titles and
    descriptions as HTML, unescaped (in <title>, the navigation, a meta attribute), and
    front matter is writer text, so data. Applied once, as MkDocs reads the page."""
    return {key: _escaped(value) for key, value in meta.items()}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value
