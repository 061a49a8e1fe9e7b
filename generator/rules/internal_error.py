"""The validator itself failed while reading this file. This is a bug in helpcenter, not
in the file; the message names the file so that it can be reported and reproduced.

Passing::

    any file: helpcenter never fails on its own

Failing::

    decision_trees/t.yml:1:1: error: helpcenter failed while reading this file (KeyError: 'x')
"""

from generator.problems import Level

ID = "internal-error"
LEVEL = Level.ERROR
SCOPE = "loader"
