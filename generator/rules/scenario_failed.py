"""A scenario's answers do not reach the outcome it expects (reported by `helpcenter test`).

Passing::

    - name: Shipped order
      answers: [order, shipped]
      expect: return-for-refund

Failing::

    - name: Shipped order
      answers: [order, shipped]
      expect: cancel-in-history     # the answers lead to return-for-refund
"""

from generator.problems import Level

ID = "scenario-failed"
LEVEL = Level.ERROR
SCOPE = "test"
