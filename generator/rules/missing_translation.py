"""A site language has no translation of a tree, or a translation lacks some strings.
The site then shows that text in English, marked as not yet translated.

Passing::

    # decision_trees/why-cant-i-cancel.nb.yml translates every string of the tree

Failing::

    # decision_trees/why-cant-i-cancel.nb.yml has no 'nodes: what: question:'
"""

from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules.base import Context, language_name

ID = "missing-translation"
LEVEL = Level.WARNING
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    source = tree.source_texts()
    for language in ctx.config.translation_languages:
        translation = tree.translations.get(language)
        if translation is None:
            expected = PurePosixPath(tree.path).with_suffix(f".{language}.yml")
            message = f"there is no {language_name(language)} translation; create {expected}"
            yield Problem.at(tree.pos, LEVEL, ID, message)
            continue
        for key in source:
            if key in translation.strings or not source[key].value:
                continue
            node_id = key.split(".")[0]
            pos = translation.key_pos.get(node_id, translation.pos)
            message = (
                f"'{key}' is not translated into {language_name(language)}; add it{_where(key)}"
            )
            yield Problem.at(pos, LEVEL, ID, message)


def _where(key: str) -> str:
    parts = key.split(".")
    if len(parts) == 1:
        return f" as '{parts[0]}:'"
    return " under nodes: " + ": ".join(parts[:-1]) + f": {parts[-1]}:"
