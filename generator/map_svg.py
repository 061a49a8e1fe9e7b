"""A tree drawn as an SVG picture at build time, for the writers' map pages: no script,
no request to another host. Steps are laid out in layers from the start (a longest-path
layering, then a pass that orders each layer by its parents), answers are curves; an
answer that no scenario takes is drawn dashed and red (see `taken_answers`)."""

from __future__ import annotations

import textwrap
from collections import deque
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator.model import Question, Tree

BOX_WIDTH, GAP_X, GAP_Y, LINE, PAD = 210, 40, 90, 16, 10
WRAP, MAX_LINES, LABEL_CHARS = 28, 4, 26
FILL = {
    "question": "#e8eaf6",
    "solved": "#e8f5e9",
    "action-needed": "#fff8e1",
    "not-eligible": "#fce4ec",
    "contact-support": "#e3f2fd",
}
UNTESTED = "#c62828"


def taken_answers(tree: Tree) -> set[tuple[str, str]]:
    """(question id, option id) of every answer some scenario gives."""
    taken: set[tuple[str, str]] = set()
    for scenario in tree.scenarios:
        visited, _ = tree.walk([a.value for a in scenario.answers])
        for node, answer in zip(visited, scenario.answers, strict=False):
            taken.add((node.id, answer.value))
    return taken


@dataclass
class _Box:
    id: str
    lines: list[str]
    lang: str
    kind: str
    x: float = 0
    y: float = 0
    escaped_id: str = field(init=False)  # written into several attributes: escaped once

    def __post_init__(self) -> None:
        self.escaped_id = _e(self.id)

    @property
    def height(self) -> int:
        return len(self.lines) * LINE + 2 * PAD


def _lines(text: str) -> list[str]:
    lines = _wrap(" ".join(text.split())) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return lines


def _wrap(text: str) -> list[str]:
    """textwrap.wrap(text, WRAP) for text whose words are single-spaced: a greedy fill
    when no word is too long and none has a hyphen (textwrap may break at one), which is
    five times faster and the same lines; a large tree has thousands of boxes."""
    words = text.split(" ")
    if "-" in text or not text or max(map(len, words)) > WRAP:
        return textwrap.wrap(text, WRAP)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= WRAP:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _layers(tree: Tree) -> list[list[str]]:
    """Each node's layer is its longest distance from the start (capped, so a cycle in a
    tree that has errors cannot loop); nodes not reached go last."""
    edges = {
        node_id: [o.next for o in node.options if o.next in tree.nodes]
        for node_id, node in tree.nodes.items()
        if isinstance(node, Question)
    }
    start = tree.start.value
    depth: dict[str, int] = {start: 0} if start in tree.nodes else {}
    # A work list, not passes over every node: passes cost the square of a long chain.
    queue = deque(depth)
    while queue:
        node_id = queue.popleft()
        for child in edges.get(node_id, []):
            if depth.get(child, -1) < depth[node_id] + 1 <= len(tree.nodes):
                depth[child] = depth[node_id] + 1
                queue.append(child)
    last = max(depth.values(), default=-1) + 1
    layers: list[list[str]] = [[] for _ in range(last + 1)]
    for node_id in tree.nodes:  # file order first: a stable picture
        layers[depth.get(node_id, last)].append(node_id)
    # Order each layer by the mean place of its parents, so that curves cross less.
    place: dict[str, float] = {}
    parents_of: dict[str, list[str]] = {}  # once, not a scan of every edge per node
    for parent, kids in edges.items():
        for kid in dict.fromkeys(kids):
            parents_of.setdefault(kid, []).append(parent)
    for layer in layers:
        first = {node_id: float(i) for i, node_id in enumerate(layer)}

        def key(node_id: str, first: dict[str, float] = first) -> float:
            parents = [place[p] for p in parents_of.get(node_id, []) if p in place]
            return sum(parents) / len(parents) if parents else first[node_id]

        layer.sort(key=key)
        place.update({node_id: i for i, node_id in enumerate(layer)})
    return [layer for layer in layers if layer]


def tree_svg(
    tree: Tree, language: str, taken: set[tuple[str, str]], title: str, page: str = ""
) -> Markup:
    """`page`: the map page's address, when the picture is shown elsewhere (each step
    links to its place in that page's outline)."""
    boxes: dict[str, _Box] = {}
    for node_id, node in tree.nodes.items():
        if isinstance(node, Question):
            text, lang = tree.text(f"{node_id}.question", language)
            boxes[node_id] = _Box(node_id, _lines(text), lang, "question")
        else:
            text, lang = tree.text(f"{node_id}.title", language)
            boxes[node_id] = _Box(node_id, _lines(text), lang, node.kind)
    layers = _layers(tree)
    widest = max((len(layer) for layer in layers), default=1)
    width = widest * (BOX_WIDTH + GAP_X) + GAP_X
    y = float(GAP_X)
    for layer in layers:
        left = float(GAP_X)  # left-aligned: the start is in view before any scrolling
        for index, node_id in enumerate(layer):
            boxes[node_id].x, boxes[node_id].y = left + index * (BOX_WIDTH + GAP_X), y
        y += max(boxes[n].height for n in layer) + GAP_Y
    height = y - GAP_Y + GAP_X
    parts = [
        _edges(tree, boxes, language, taken),
        Markup("".join(_node(b, tree.start.value, language, page) for b in boxes.values())),
    ]
    return Markup(
        '<svg class="hc-map__picture" xmlns="http://www.w3.org/2000/svg" role="img" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" lang="{lang}" aria-label="{label}" '
        # Full size (the page scrolls it sideways): scaled down to the column, text is unreadable.
        'style="max-width:none;height:auto">'
        "<title>{label}</title>"
        '<defs><marker id="hc-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>'
        '<marker id="hc-arrow-untested" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{red}"/></marker></defs>'
        "{body}</svg>"
    ).format(
        w=int(width),
        h=int(height),
        lang=language,
        label=title,
        red=UNTESTED,
        body=Markup("").join(parts),
    )


_TESTED_STROKE = 'stroke="#555" marker-end="url(#hc-arrow)"'
_UNTESTED_STROKE = (
    f'stroke="{UNTESTED}" stroke-dasharray="6 4" marker-end="url(#hc-arrow-untested)"'
)


def _edges(
    tree: Tree, boxes: dict[str, _Box], language: str, taken: set[tuple[str, str]]
) -> Markup:
    out: list[str] = []  # joined once: adding to a Markup copies it every time
    for node_id, node in tree.nodes.items():
        if not isinstance(node, Question):
            continue
        source = boxes[node_id]
        count = len(node.options)
        for index, option in enumerate(node.options):
            target = boxes.get(option.next)
            if target is None:
                continue
            x1 = source.x + BOX_WIDTH * (index + 1) / (count + 1)
            y1 = source.y + source.height
            x2, y2 = target.x + BOX_WIDTH / 2, target.y
            if y2 <= y1:  # a step drawn above or beside (only in trees with errors)
                y2 = target.y + target.height
            bend = max(40.0, abs(y2 - y1) / 2)
            path = f"M{x1:.1f},{y1:.1f} C{x1:.1f},{y1 + bend:.1f} {x2:.1f},{y2 - bend:.1f} {x2:.1f},{y2:.1f}"
            tested = (node_id, option.id) in taken
            stroke = _TESTED_STROKE if tested else _UNTESTED_STROKE
            label, lang = tree.text(f"{node_id}.options.{option.id}", language)
            short = " ".join(label.split())
            short = short if len(short) <= LABEL_CHARS else short[: LABEL_CHARS - 1].rstrip() + "…"
            lang_attr = Markup(' lang="{}"').format(lang) if lang != language else ""
            # The label sits halfway down the first gap below the step, where the curves
            # of one step have spread apart; neighbouring answers are staggered in three rows.
            lx = x1 + (x2 - x1) * 0.5
            ly = y1 + GAP_Y / 2 + (index % 3 - 1) * 14 + 4
            # Plain formatting, writer text escaped: Markup.format escapes every number too,
            # and a large tree has thousands of answers.
            out.append(
                f'<g class="hc-map__edge{"" if tested else " hc-map__edge--untested"}" '
                f'data-from="{source.escaped_id}" data-answer="{_e(option.id)}" '
                f'data-to="{target.escaped_id}"><path d="{path}" fill="none" stroke-width="1.5" '
                f'{stroke}/><text x="{lx:.1f}" y="{ly:.1f}" font-size="11" '
                f'text-anchor="middle" fill="{"#333" if tested else UNTESTED}" '
                f'paint-order="stroke" stroke="#fff" stroke-width="3"{lang_attr}>{_e(short)}'
                "</text></g>"
            )
    return Markup("".join(out))


def _node(box: _Box, start: str, language: str, page: str) -> str:
    rx = 4 if box.kind == "question" else 18
    border = 3 if box.id == start else 1
    lang_attr = f' lang="{_e(box.lang)}"' if box.lang != language else ""
    middle = box.x + BOX_WIDTH / 2
    tspans = "".join(
        f'<tspan x="{middle:.1f}" dy="{0 if i == 0 else LINE}">{_e(line)}</tspan>'
        for i, line in enumerate(box.lines)
    )
    node_id, kind = box.escaped_id, _e(box.kind)
    return (
        f'<a href="{_e(page)}#map--{node_id}" class="hc-map__node" data-node="{node_id}" '
        f'data-kind="{kind}" style="text-decoration:none"><title>{node_id}</title>'
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{BOX_WIDTH}" height="{box.height}" '
        f'rx="{rx}" fill="{_e(FILL.get(box.kind, "#eee"))}" stroke="#333" '
        f'stroke-width="{border}"/><text y="{box.y + PAD + 12:.1f}" font-size="13" '
        f'text-anchor="middle" fill="#111"{lang_attr}>{tspans}</text></a>'
    )


def _e(text: str) -> str:
    return str(escape(text))


def legend(ui: dict[str, str]) -> Markup:
    """What the picture's shapes and lines mean."""
    return Markup(
        '<ul class="hc-map__legend" style="list-style:none;margin-left:0;text-align:left">'
        '<li><svg width="28" height="14" aria-hidden="true"><rect x="1" y="1" width="26" height="12" rx="2" fill="{q}" stroke="#333"/></svg> {question}</li>'
        '<li><svg width="28" height="14" aria-hidden="true"><rect x="1" y="1" width="26" height="12" rx="6" fill="{o}" stroke="#333"/></svg> {outcome}</li>'
        '<li><svg width="28" height="14" aria-hidden="true"><line x1="0" y1="7" x2="28" y2="7" stroke="{red}" stroke-width="2" stroke-dasharray="6 4"/></svg> {untested}</li>'
        "</ul>"
    ).format(
        q=FILL["question"], o=FILL["solved"], red=UNTESTED, question=ui["map_question"],
        outcome=ui["map_outcome"], untested=ui.get("map_untested", "An answer no scenario takes"),
    )  # fmt: skip
