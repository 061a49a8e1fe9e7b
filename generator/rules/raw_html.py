"""Raw HTML (tags or entities) in writer text. Text is shown as text; use Markdown.

Passing::

    body: Choose **Cancel items**, then confirm.

Failing::

    body: Choose <b>Cancel items</b>, then confirm.
"""

from collections.abc import Iterator

from generator.model import Tree
from generator.problems import Level, Problem
from generator.rules._textpos import offset_pos
from generator.rules.base import Context, writer_texts
from generator.rules.text_scan import AUTOLINK, HTML, without_code

ID = "raw-html"
LEVEL = Level.ERROR
SCOPE = "tree"


def check(tree: Tree, ctx: Context) -> Iterator[Problem]:
    for _language, key, text in writer_texts(tree):
        plain = AUTOLINK.sub(lambda m: " " * len(m.group(0)), without_code(text.value))
        match = HTML.search(plain)
        if match:
            message = (
                f"'{key}' contains HTML '{match.group(0)[:30]}'; it would show as text: "
                "use Markdown (**bold**, [link](url)) or put code in `backticks`"
            )
            yield Problem.at(offset_pos(text, match.start()), LEVEL, ID, message)
