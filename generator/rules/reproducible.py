"""Two builds of the same sources differ (`helpcenter check` builds twice): a timestamp
or a random id in a page makes every deploy look like a change.

Passing::

    two builds write byte-identical files

Failing::

    <meta name="built" content="2026-12-02T04:21:32">
"""

from generator.problems import Level

ID = "reproducible"
LEVEL = Level.ERROR
SCOPE = "check"
