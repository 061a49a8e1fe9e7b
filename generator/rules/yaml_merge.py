"""A merge key (`<<`) is refused: write the keys out.

Passing::

    title: Refunds
    body: ...

Failing::

    <<: {title: Refunds}
"""

from generator.problems import Level

ID = "yaml-merge"
LEVEL = Level.ERROR
SCOPE = "loader"
