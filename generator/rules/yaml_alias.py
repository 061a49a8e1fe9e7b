"""An alias (`*name`) is refused: it repeats text invisibly.

Passing::

    label: Yes, I did

Failing::

    label: *yes
"""

from generator.problems import Level

ID = "yaml-alias"
LEVEL = Level.ERROR
SCOPE = "loader"
