"""The file is larger than 8 MiB, checked before parsing.

Passing::

    a tree of a few hundred nodes (tens of KB)

Failing::

    a generated 9 MiB file
"""

from generator.problems import Level

ID = "too-large"
LEVEL = Level.ERROR
SCOPE = "loader"
