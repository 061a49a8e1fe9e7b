"""A link or #anchor of the built site, in some language, leads nowhere (found by
`helpcenter check` with lychee; external links only with `--external`).

Passing::

    <a href="../cancel-order/#steps">   # the page has id="steps"

Failing::

    <a href="../cancel-order/#step">    # no element with id="step"
"""

from generator.problems import Level

ID = "broken-link"
LEVEL = Level.ERROR
SCOPE = "check"
