"""An answer that no scenario takes (reported by `helpcenter test`): add a scenario
through it so that every answer a customer can give is tested.

Passing::

    every option of every question appears in some scenario's answers

Failing::

    question 'shipped' has answers 'yes' and 'no'; no scenario answers 'no'
"""

from generator.problems import Level

ID = "uncovered-option"
LEVEL = Level.WARNING
SCOPE = "test"
