"""An id (tree, node, option, link) is not an ASCII slug: lowercase letters, digits
and single hyphens, starting with a letter.

Passing::

    - id: still-charged

Failing::

    - id: Still charged
"""

from generator.problems import Level

ID = "id-format"
LEVEL = Level.ERROR
SCOPE = "loader"
