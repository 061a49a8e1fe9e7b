"""A bidirectional control character in a text: U+202A-U+202E (embeddings, overrides),
U+2066-U+2069 (isolates), U+200E, U+200F, U+061C (marks). They are invisible and change
the order in which the text around them is shown, so the page can read differently from
the file under review. (In an id, any such character is an `id-format` error.)

Passing::

    label: Refund for order 1234

Failing::

    label: "Refund for order \\u202e4321"   # shown as 'Refund for order 1234'
"""

from generator.problems import Level

ID = "bidi-control"
LEVEL = Level.ERROR
SCOPE = "loader"
