"""An anchor (`&name`) is refused: every text is written out where it is used.

Passing::

    label: Yes, I did

Failing::

    label: &yes Yes, I did
"""

from generator.problems import Level

ID = "yaml-anchor"
LEVEL = Level.ERROR
SCOPE = "loader"
