"""An article embeds a troubleshooter (`::: troubleshooter <tree-id>`) that does not exist.

Passing::

    ::: troubleshooter why-cant-i-cancel

Failing::

    ::: troubleshooter why-cant-i-cancle
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.suggest import did_you_mean

ID = "unknown-embed"
LEVEL = Level.ERROR
SCOPE = "project"


def check(ctx: Context) -> Iterator[Problem]:
    ids = sorted(tree.id for tree in ctx.trees)
    for versions in ctx.articles.articles.values():
        for article in versions.values():
            for tree_id, pos in article.embeds:
                if tree_id in ids:
                    continue
                if not tree_id:
                    message = "the directive names no troubleshooter; write '::: troubleshooter <tree-id>'"
                    yield Problem.at(pos, LEVEL, ID, message)
                    continue
                hint = did_you_mean(tree_id, ids) or f"; known troubleshooters: {', '.join(ids)}"
                message = f"there is no troubleshooter '{tree_id}' to embed{hint}"
                yield Problem.at(pos, LEVEL, ID, message)
