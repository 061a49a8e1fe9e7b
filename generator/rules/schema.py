"""The file does not have the expected keys and types: a missing key, an unknown key
(with a 'did you mean'), a list where text is expected, an empty text, an unknown
outcome kind.

Passing::

    title: Why can't I cancel?

Failing::

    titel: Why can't I cancel?   # unknown key 'titel'; did you mean 'title'?
"""

from generator.problems import Level

ID = "schema"
LEVEL = Level.ERROR
SCOPE = "loader"
