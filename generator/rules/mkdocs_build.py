"""`mkdocs build --strict` (run by `helpcenter check`) reported a warning or failed: a
broken link between pages, an unknown anchor, a file left out of the site.

Passing::

    [Cancel an order](cancel-order.md#steps)

Failing::

    [Cancel an order](cancel-oder.md)     # no such page
"""

from generator.problems import Level

ID = "mkdocs"
LEVEL = Level.ERROR
SCOPE = "check"
