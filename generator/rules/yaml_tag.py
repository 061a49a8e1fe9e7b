"""An explicit tag (`!!str`, `!!python/...`) is refused: writer text is data, never code.

Passing::

    label: '010'

Failing::

    label: !!python/object/apply:os.system [ls]
"""

from generator.problems import Level

ID = "yaml-tag"
LEVEL = Level.ERROR
SCOPE = "loader"
