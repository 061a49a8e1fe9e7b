"""A translation has text for a node, answer or link id that the tree does not have
(usually a typo, or the id was renamed in the English tree).

Passing::

    nodes:
      what-to-cancel:
        question: Hva vil du avbestille?

Failing::

    nodes:
      what-to-cancle:            # the tree's node is 'what-to-cancel'
        question: Hva vil du avbestille?
"""

from collections.abc import Iterator

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.suggest import did_you_mean

ID = "unknown-translation-key"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    source = tree.source_texts()
    for translation in tree.translations.values():
        reported_nodes: set[str] = set()
        for key, text in translation.strings.items():
            if key in source:
                continue
            node_id = key.split(".")[0]
            if "." in key and node_id not in tree.nodes:
                if node_id in reported_nodes:
                    continue
                reported_nodes.add(node_id)
                hint = did_you_mean(node_id, list(tree.nodes))
                pos = translation.key_pos.get(node_id, text.pos)
                message = f"the tree has no node '{node_id}'{hint or '; remove this text'}"
            else:
                known = [k for k in source if k.startswith(node_id + ".")]
                hint = did_you_mean(key, known)
                pos = translation.key_pos.get(key, text.pos)
                message = f"the tree has no text '{key}' to translate{hint or '; remove this text'}"
            yield Problem.at(pos, LEVEL, ID, message)
