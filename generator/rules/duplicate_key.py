"""The same key appears twice in one mapping; YAML would silently keep the last.

Passing::

    title: Refunds
    summary: Who gets one

Failing::

    title: Refunds
    title: Refund rules
"""

from generator.problems import Level

ID = "duplicate-key"
LEVEL = Level.ERROR
SCOPE = "loader"
