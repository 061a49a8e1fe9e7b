"""The file is not valid YAML.

Passing::

    title: 'Step 1: sign in'

Failing::

    title: Step 1: sign in   # ': ' inside unquoted text
"""

from generator.problems import Level

ID = "syntax"
LEVEL = Level.ERROR
SCOPE = "loader"
