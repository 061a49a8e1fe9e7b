"""The file is not UTF-8.

Passing::

    title: Bảo hành   # saved as UTF-8

Failing::

    title: Bảo hành   # saved as Windows-1258: the first bad byte is reported as line:col
"""

from generator.problems import Level

ID = "encoding"
LEVEL = Level.ERROR
SCOPE = "loader"
