"""An invisible character in a text: zero-width space (U+200B), zero-width joiner and
non-joiner (U+200D, U+200C) outside emoji, word joiner (U+2060), byte order mark
(U+FEFF), soft hyphen (U+00AD) and the other format characters (Unicode category Cf) and
fillers. Usually pasted by accident; they break search and copy-paste. A warning, as some
(a soft hyphen in a long word) may be meant. A text made only of invisible characters is
an empty text (`schema`), and in an id they are an `id-format` error.

Passing::

    title: Cancel an order

Failing::

    title: "Cancel\\u200b an order"     # U+200B ZERO WIDTH SPACE
"""

from generator.problems import Level

ID = "invisible-character"
LEVEL = Level.WARNING
SCOPE = "loader"
