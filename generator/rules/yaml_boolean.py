"""Where true/false is expected, only `true` and `false` count; `yes`, `no`, `on`,
`off` are old YAML 1.1 spellings and are refused. (Where text is expected, such words
stay text: `label: no` is the word 'no'.)

Passing::

    draft: true

Failing::

    draft: yes
"""

from generator.problems import Level

ID = "yaml-boolean"
LEVEL = Level.ERROR
SCOPE = "loader"
