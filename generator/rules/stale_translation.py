"""The English text changed after a string was translated (or the string was never
marked as reviewed): its fingerprint no longer matches the English text.

After checking and updating the translation, record it as reviewed with
`helpcenter accept-translation decision_trees/<tree>.<lang>.yml`.

Passing::

    fingerprints:
      title: 3f0a9b1c2d     # the fingerprint of the current English title

Failing::

    fingerprints:
      title: 0000000000     # the English title has changed since
"""

from collections.abc import Iterator

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules.base import Context, fingerprint, language_name

ID = "stale-translation"
LEVEL = Level.WARNING
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    source = tree.source_texts()
    for language, translation in tree.translations.items():
        accept = f"helpcenter accept-translation {translation.path}"
        for key, text in translation.strings.items():
            if key not in source:
                continue
            recorded = translation.fingerprints.get(key)
            if recorded is None:
                message = (
                    f"the {language_name(language)} text of '{key}' has not been marked as "
                    f"reviewed; check it against the English, then run `{accept}`"
                )
            elif recorded.value != fingerprint(source[key].value):
                message = (
                    f"the English text of '{key}' changed after it was translated into "
                    f"{language_name(language)}; update the translation, then run `{accept}`"
                )
            else:
                continue
            yield Problem.at(text.pos, LEVEL, ID, message)
