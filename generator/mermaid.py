"""A tree as a Mermaid flowchart, for writers' map pages and `helpcenter graph`."""

from __future__ import annotations

from generator.model import Outcome, Question, Tree

_SHAPES = {"question": ('{{"', '"}}'), "outcome": ('(["', '"])')}


def _label(text: str) -> str:
    # Mermaid has no escaping inside quotes except entity codes: replace what would end
    # the label or be read as markup.
    cleaned = " ".join(text.split())
    # '#' first: the other replacements produce it.
    for char, code in (
        ("#", "#35;"),
        ("&", "#amp;"),
        ('"', "#quot;"),
        ("<", "#lt;"),
        (">", "#gt;"),
    ):
        cleaned = cleaned.replace(char, code)
    return cleaned


def _node_ref(node_id: str) -> str:
    return "n_" + node_id.replace("-", "_")


def flowchart(tree: Tree, language: str = "en") -> str:
    lines = ["flowchart TD"]
    for node_id, node in tree.nodes.items():
        if isinstance(node, Question):
            text, _ = tree.text(f"{node_id}.question", language)
            left, right = _SHAPES["question"]
        else:
            text, _ = tree.text(f"{node_id}.title", language)
            text = f"{node.kind}: {text}"
            left, right = _SHAPES["outcome"]
        lines.append(f"    {_node_ref(node_id)}{left}{_label(text)}{right}")
    for node_id, node in tree.nodes.items():
        if not isinstance(node, Question):
            continue
        for option in node.options:
            if option.next not in tree.nodes:
                continue
            label, _ = tree.text(f"{node_id}.options.{option.id}", language)
            lines.append(
                f'    {_node_ref(node_id)} -->|"{_label(label)}"| {_node_ref(option.next)}'
            )
    for node_id, node in tree.nodes.items():
        if isinstance(node, Outcome):
            lines.append(f"    class {_node_ref(node_id)} outcome_{node.kind.replace('-', '_')}")
    if tree.start.value in tree.nodes:
        lines.append(f"    class {_node_ref(tree.start.value)} start")
    return "\n".join(lines) + "\n"
