"""The file holds no YAML document (empty, or only comments).

Passing::

    id: why-cant-i-cancel
    ...

Failing::

    # an empty file
"""

from generator.problems import Level

ID = "empty-file"
LEVEL = Level.ERROR
SCOPE = "loader"
