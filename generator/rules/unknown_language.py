"""A translation (`x.<lang>.yml` or `page.<lang>.md`) is for a language the site does
not have. Add the language to mkdocs.yml (plugins: i18n: languages) or rename the file.

Passing::

    decision_trees/why-cant-i-cancel.nb.yml

Failing::

    decision_trees/why-cant-i-cancel.no.yml   # Norwegian Bokmål is 'nb'
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "unknown-language"
LEVEL = Level.ERROR
SCOPE = "project"

HINTS = {"no": "nb", "nn": "nb", "in": "id", "ind": "id", "vn": "vi", "lt": "lv"}


def check(ctx: Context) -> Iterator[Problem]:
    known = ", ".join(ctx.config.translation_languages) or "none yet"
    for path, code in ctx.unknown_languages + ctx.articles.unknown_languages:
        hint = HINTS.get(code)
        advice = "rename the file, or add the language to mkdocs.yml"
        if hint in ctx.config.languages:
            advice = f"did you mean '{hint}'? Otherwise {advice}"
        message = f"'{code}' is not one of the site's languages ({known}); {advice}"

        yield Problem(path, 1, 1, LEVEL, ID, message)
