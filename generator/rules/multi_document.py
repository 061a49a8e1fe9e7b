"""A second YAML document (`---`) follows the first: one tree per file.

Passing::

    id: a
    title: A

Failing::

    id: a
    ---
    id: b
"""

from generator.problems import Level

ID = "multi-document"
LEVEL = Level.ERROR
SCOPE = "loader"
