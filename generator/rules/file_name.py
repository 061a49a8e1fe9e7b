"""A tree file's name must be its id, and files in decision_trees/ must be named
`<tree-id>.yml`, `<tree-id>.<lang>.yml` or `<tree-id>.scenarios.yml`, right in that
folder. Look-alikes that would not be read are reported too (`t.YML`, `t.yaml`,
`sub/t.yml`; in content/, `page.MD` and `page.markdown`).

Passing::

    decision_trees/why-cant-i-cancel.yml  with  id: why-cant-i-cancel

Failing::

    decision_trees/cancel.yml  with  id: why-cant-i-cancel
    decision_trees/old/why-cant-i-cancel.yml
"""

from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules.base import Context

ID = "file-name"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    stem = PurePosixPath(tree.path).name.removesuffix(".yml")
    if tree.id and tree.id != stem:
        message = (
            f"the tree id '{tree.id}' differs from the file name '{stem}.yml'; "
            f"rename the file to {tree.id}.yml or change the id"
        )
        yield Problem.at(tree.pos, LEVEL, ID, message)
