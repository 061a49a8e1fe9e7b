"""Two answers of one question read the same (in English or in a translation).

Passing::

    options: [{id: shipped, label: It has shipped, ...}, {id: waiting, label: Not yet, ...}]

Failing::

    options: [{id: shipped, label: Yes, ...}, {id: charged, label: yes, ...}]
"""

from collections.abc import Iterator

from generator.model import Question, Tree
from generator.problems import Level, Problem
from generator.rules.base import Context, language_name

ID = "duplicate-label"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    for node in tree.nodes.values():
        if not isinstance(node, Question):
            continue
        languages = ["en", *tree.translations]
        for language in languages:
            seen: dict[str, str] = {}
            for option in node.options:
                key = f"{node.id}.options.{option.id}"
                if language == "en":
                    text = option.label
                else:
                    found = tree.translations[language].strings.get(key)
                    if found is None:
                        continue
                    text = found
                folded = " ".join(text.value.casefold().split())
                if not folded:
                    continue
                if folded in seen:
                    where = "" if language == "en" else f" in {language_name(language)}"
                    message = (
                        f"answers '{seen[folded]}' and '{option.id}' of question '{node.id}' "
                        f"have the same label{where}; customers cannot tell them apart"
                    )
                    yield Problem.at(text.pos, LEVEL, ID, message)
                else:
                    seen[folded] = option.id
