"""A control character (U+0000-U+001F but tab and line breaks, U+007F-U+009F) or a line
or paragraph separator (U+2028, U+2029), in a file or in a text. Editors do not show them;
YAML refuses them in a file, and in a text they break lines, headings and links.

Passing::

    title: Cancel an order

Failing::

    title: "Cancel\\x01 an order"     # U+0001, here typed as an escape
"""

from generator.problems import Level

ID = "control-character"
LEVEL = Level.ERROR
SCOPE = "loader"
