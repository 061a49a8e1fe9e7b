"""What a translation must keep from its English: placeholders and Markdown links."""

from __future__ import annotations

import re
from collections import Counter

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
LINK = re.compile(r"\[[^\]\n]*\]\(\s*([^)\s]+)(?:\s+\"[^\"\n]*\")?\s*\)")
# A link whose parts do not meet: `[text] (url)`, `[text](url` at the end of a line.
BROKEN_LINK = re.compile(r"\[[^\]\n]*\]\s+\(|\]\([^)\n]*$", re.MULTILINE)


def placeholder_problem(source: str, target: str) -> str | None:
    want, have = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(target))
    if want == have:
        return None
    missing = sorted((want - have).elements())
    if missing:
        return (
            f"the translation lacks the placeholder {missing[0]}; keep every {{name}} of the "
            "English exactly as it is (the site fills it in)"
        )
    extra = sorted((have - want).elements())[0]
    return (
        f"the translation has the placeholder {extra}, which the English does not have; "
        "keep every {name} of the English exactly as it is and add no others"
    )


def link_problem(source: str, target: str) -> str | None:
    broken = BROKEN_LINK.search(target)
    if broken and not BROKEN_LINK.search(source):
        return (
            f"a Markdown link is broken near '{broken.group().strip()}'; write links as "
            "[text](target) with nothing between ] and ("
        )
    want, have = Counter(LINK.findall(source)), Counter(LINK.findall(target))
    if want == have:
        return None
    missing = sorted((want - have).elements())
    if missing:
        return (
            f"the translation lacks the link to '{missing[0]}'; keep every link of the English "
            "with the same target: [translated text](target)"
        )
    extra = sorted((have - want).elements())[0]
    return (
        f"the translation links to '{extra}', which the English does not; keep the English's "
        "link targets exactly as they are"
    )
