"""In a value without quotes, a `#` after a space starts a YAML comment: the rest of the
line is silently dropped. Put the whole value in quotes (or the comment on its own line).
Reported only after writer text (ids cannot contain `#`).

Passing::

    label: "Press #1 key"

Failing::

    label: Press #1 key        # the label is only 'Press'
"""

from generator.problems import Level

ID = "plain-comment"
LEVEL = Level.WARNING
SCOPE = "loader"
