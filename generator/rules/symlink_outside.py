"""A symbolic link under content/ or decision_trees/ points outside the project.
MkDocs follows links, so the target's text would be published and indexed.

Passing::

    content/faq.md -> content/orders/faq.md

Failing::

    content/secrets.md -> /etc/passwd
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "symlink-outside"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    for path, target in ctx.outside_links:
        message = (
            f"this is a link to {target}, outside the project; its content would be published. "
            "Replace the link with a real file"
        )
        yield Problem(path, 1, 1, LEVEL, ID, message)
