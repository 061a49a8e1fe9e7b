"""A translated string does not keep the English string's links, placeholders (`{name}`)
or inline code, so customers of that language would get other links or broken text.

Passing::

    en: See [refund status](https://account.microsoft.com/billing/orders).
    nb: Se [refusjonsstatus](https://account.microsoft.com/billing/orders).

Failing::

    nb: Se refusjonsstatus på kontosiden.    # the link is gone
"""

from collections import Counter
from collections.abc import Iterator

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules.base import Context, language_name
from generator.rules.text_scan import PLACEHOLDER, code_spans, link_targets, without_code

ID = "translation-mismatch"
LEVEL = Level.ERROR
SCOPE = "tree"


def _signature(text: str) -> dict[str, Counter[str]]:
    return {
        "links": Counter(target for target, _ in link_targets(text)),
        "placeholders": Counter(PLACEHOLDER.findall(without_code(text))),
        "inline code": Counter(code_spans(text)),
    }


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    source = tree.source_texts()
    for language, translation in tree.translations.items():
        for key, text in translation.strings.items():
            if key not in source:
                continue
            want, got = _signature(source[key].value), _signature(text.value)
            for what in want:
                if want[what] == got[what]:
                    continue
                missing = sorted((want[what] - got[what]).elements())
                extra = sorted((got[what] - want[what]).elements())
                details = "; ".join(
                    part
                    for part in (
                        f"missing {', '.join(missing)}" if missing else "",
                        f"not in English: {', '.join(extra)}" if extra else "",
                    )
                    if part
                )
                message = (
                    f"the {language_name(language)} text of '{key}' does not keep the English "
                    f"{what} ({details}); keep them as in the English text"
                )
                yield Problem.at(text.pos, LEVEL, ID, message)
