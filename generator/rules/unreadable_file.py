"""The file could not be read (permissions, a broken link).

Passing::

    a readable file

Failing::

    decision_trees/x.yml -> a link to a missing file
"""

from generator.problems import Level

ID = "unreadable-file"
LEVEL = Level.ERROR
SCOPE = "loader"
