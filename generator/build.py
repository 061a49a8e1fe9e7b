"""Turn checked YAML into model objects.

A part with a schema problem is still built where it can be (a placeholder for a missing
text), so that the graph checks run too and writers see every mistake in one run.
"""

from __future__ import annotations

from generator.model import (
    ArticleLink,
    ExternalLink,
    Option,
    Outcome,
    Pos,
    Question,
    Scenario,
    Text,
    Tree,
    TreeTranslation,
)
from generator.schema import SCENARIOS, TRANSLATION, TREE, Entry, Fields, Problems
from generator.yamlload import YNode


def _text(fields: Fields, name: str) -> Text:
    value = fields.get(name)
    return value if isinstance(value, Text) else Text("", fields.pos)


def build_tree(root: YNode, path: str, out: Problems) -> Tree | None:
    fields = TREE.check(root, "the tree", out)
    if fields is None:
        return None
    nodes: dict[str, Question | Outcome] = {}
    unusable: set[str] = set()
    for node_id, entry in (fields.get("nodes") or {}).items():
        if entry.value is None:
            unusable.add(node_id)
            continue
        kind, node_fields = entry.value
        pos = entry.key.pos
        if (
            kind == "question"
            and "options" in node_fields.key_pos
            and "options" not in node_fields.values
        ):
            unusable.add(node_id)
        if kind == "question":
            options = [_option(o) for o in node_fields.get("options") or []]
            nodes[node_id] = Question(
                node_id,
                pos,
                _text(node_fields, "question"),
                node_fields.get("help"),
                [o for o in options if o is not None],
            )
        else:
            articles = [ArticleLink(t.value, t.pos) for t in node_fields.get("articles") or []]
            links = [_link(link) for link in node_fields.get("links") or []]
            nodes[node_id] = Outcome(
                node_id,
                pos,
                _text(node_fields, "outcome").value,
                _text(node_fields, "title"),
                _text(node_fields, "body"),
                articles,
                [link for link in links if link is not None],
            )
    tree_id = _text(fields, "id")
    return Tree(
        id=tree_id.value,
        path=path,
        pos=tree_id.pos,
        title=_text(fields, "title"),
        summary=_text(fields, "summary"),
        start=_text(fields, "start"),
        nodes=nodes,
        draft=bool(fields.get("draft", False)),
        unusable=unusable,
    )


def _option(fields: Fields) -> Option | None:
    option_id, next_id = fields.get("id"), fields.get("next")
    if option_id is None or next_id is None:
        return None
    return Option(
        option_id.value, _text(fields, "label"), next_id.value, option_id.pos, next_id.pos
    )


def _link(fields: Fields) -> ExternalLink | None:
    link_id, url = fields.get("id"), fields.get("url")
    if link_id is None or url is None:
        return None
    return ExternalLink(link_id.value, _text(fields, "label"), url.value, link_id.pos, url.pos)


def build_translation(
    root: YNode, path: str, language: str, out: Problems
) -> TreeTranslation | None:
    fields = TRANSLATION.check(root, "the translation", out)
    if fields is None:
        return None
    strings: dict[str, Text] = {}
    key_pos: dict[str, Pos] = {}
    for name in ("title", "summary"):
        if name in fields.values:
            strings[name] = fields.values[name]
    nodes: dict[str, Entry] = fields.get("nodes") or {}
    for node_id, entry in nodes.items():
        key_pos[node_id] = entry.key.pos
        node_fields: Fields | None = entry.value
        if node_fields is None:
            continue
        for name, value in node_fields.values.items():
            if isinstance(value, Text):
                strings[f"{node_id}.{name}"] = value
            else:  # options / links: a mapping of id -> text
                for item_id, item in value.items():
                    key_pos[f"{node_id}.{name}.{item_id}"] = item.key.pos
                    if item.value is not None:
                        strings[f"{node_id}.{name}.{item_id}"] = item.value
        for name, pos in node_fields.key_pos.items():
            key_pos.setdefault(f"{node_id}.{name}", pos)
    return TreeTranslation(
        language=language,
        path=path,
        strings=strings,
        fingerprints=fields.get("fingerprints") or {},
        pos=fields.pos,
        key_pos=key_pos,
    )


def build_scenarios(root: YNode, out: Problems) -> list[Scenario]:
    checked = SCENARIOS.check(root, "the scenario list", out) or []
    scenarios = []
    for fields in checked:
        name, answers, expect = fields.get("name"), fields.get("answers"), fields.get("expect")
        if name is None or answers is None or expect is None:
            continue
        scenarios.append(Scenario(name.value, answers, expect, fields.pos))
    return scenarios
