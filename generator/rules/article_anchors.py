"""A translated article does not have the same heading anchors as the English one, so
links into a section work in one language and break in another.

Passing::

    content/orders/cancel-order.md:     ## Steps {#steps}
    content/orders/cancel-order.nb.md:  ## Slik gjør du {#steps}

Failing::

    content/orders/cancel-order.nb.md:  ## Slik gjør du {#slik-gjor-du}
"""

from collections.abc import Iterator

from generator.model import SOURCE_LANGUAGE
from generator.problems import Level, Problem
from generator.rules.base import Context, language_name

ID = "article-anchors"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    for versions in ctx.articles.articles.values():
        source = versions.get(SOURCE_LANGUAGE)
        if source is None:
            continue
        for language, article in versions.items():
            if language == SOURCE_LANGUAGE:
                continue
            for anchor, heading in article.headings.items():
                if anchor not in source.headings:
                    message = (
                        f"anchor '#{anchor}' is not in the English {source.path}; "
                        "use the same {#id} as the English heading"
                    )
                    yield Problem.at(heading.pos, LEVEL, ID, message)
            for anchor, heading in source.headings.items():
                if anchor not in article.headings:
                    message = (
                        f"the {language_name(language)} version has no heading '{{#{anchor}}}' "
                        f"(English line {heading.pos.line}); give the matching heading that id"
                    )
                    yield Problem(article.path, 1, 1, LEVEL, ID, message)
