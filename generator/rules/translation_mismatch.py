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


# A link, an autolink or a reference needs `[` or `<`; a placeholder `{`; code a backtick.
_MARKS = ("[", "<", "{", "`")
_NOTHING: dict[str, Counter[str]] = {
    "links": Counter(),
    "placeholders": Counter(),
    "inline code": Counter(),
}


def _signature(text: str) -> dict[str, Counter[str]]:
    if not any(mark in text for mark in _MARKS):  # most texts: skip the scans
        return _NOTHING
    return {
        "links": Counter(target for target, _ in link_targets(text)),
        "placeholders": Counter(PLACEHOLDER.findall(without_code(text))),
        "inline code": Counter(code_spans(text)),
    }


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    source = tree.source_texts()
    wanted: dict[str, dict[str, Counter[str]]] = {}  # each English text, once for all languages
    for language, translation in tree.translations.items():
        for key, text in translation.strings.items():
            if key not in source:
                continue
            if key not in wanted:
                wanted[key] = _signature(source[key].value)
            want, got = wanted[key], _signature(text.value)
            if want is got:  # neither has links, placeholders or code
                continue
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
