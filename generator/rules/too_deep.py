"""Lists or mappings are nested more than 64 levels deep (checked before and while
parsing, so deep input is a message, never a crash).

Passing::

    nodes:
      q: {question: Why?, options: []}

Failing::

    x: [[[[[[[[ ... 65 levels ... ]]]]]]]]
"""

from generator.problems import Level

ID = "too-deep"
LEVEL = Level.ERROR
SCOPE = "loader"
