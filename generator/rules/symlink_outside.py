"""A file under content/ or decision_trees/ whose text lives elsewhere: a symbolic link to
a file outside that folder (even inside the repository, such as its ignored `.env`), or
a hard link (one file with several names, which may be outside the project). MkDocs
follows links, so the other file's text would be published and indexed; the build
refuses them too.

Passing::

    content/faq.md -> content/orders/faq.md

Failing::

    content/secrets.md -> /etc/passwd
    content/settings.md -> ../.env
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "symlink-outside"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    for path, what in ctx.outside_links:
        message = (
            f"this is {what}; its content would be published. Replace the link with a real file"
        )
        yield Problem(path, 1, 1, LEVEL, ID, message)
