"""generator.articles.front_matter_lines restates MkDocs' rule for the lines it takes as a
page's metadata (mkdocs.utils.meta.get_data) without importing MkDocs: both must agree,
also where libyaml (which the generator parses with) and PyYAML's own parser (MkDocs')
differ, and on blocks that are not YAML or not a mapping."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from generator.articles import front_matter_lines

CASES = {
    "yaml mapping": "---\ntitle: Cancel\n---\n\n# Cancel\n",
    "yaml ended by dots": "---\ntitle: Cancel\n...\n# Cancel\n",
    "yaml list": "---\n- a\n- b\n---\n# Cancel\n",
    "yaml scalar": "---\njust text\n---\n# Cancel\n",
    "not yaml": "---\ntitle: [unclosed\n---\n# Cancel\n",
    "tab indent": "---\ntitle:\n\t- a\n---\n# Cancel\n",
    "duplicate keys": "---\na: 1\na: 2\n---\n\n\n# Cancel\n",
    "multimarkdown": "title: Cancel\nsummary: How\n    more\n\n# Cancel\n",
    "no metadata": "# Cancel\n\nText\n",
    "empty block": "---\n\n---\n# Cancel\n",
    "document marker inside": "---\na: 1\n--- \nb: 2\n---\n# Cancel\n",
    "non-ascii key": "---\ntítulo: Cancelar\n---\n# Cancelar\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_front_matter_lines_are_those_mkdocs_takes(text: str) -> None:
    markdown, _meta = get_data(text)
    assert front_matter_lines(text) == text.count("\n") - markdown.count("\n")
