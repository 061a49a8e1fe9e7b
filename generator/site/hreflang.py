"""Absolute hreflang alternates with an x-default.

Material writes `<link rel="alternate" href="…" hreflang="…">` for each language with a
page-relative href (what mkdocs-static-i18n gives it). Search engines want absolute URLs
and an `x-default`, so the finished page's links are rewritten here.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]*)">')


def absolute_alternates(page_html: str, page_url: str, default_language: str) -> str:
    """Make every hreflang alternate absolute (against `page_url`, the page's absolute URL)
    and add `x-default`, pointing at the default language's version, after the last one."""
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    head, rest = page_html[:head_end], page_html[head_end:]
    default_href: str | None = None

    def absolute(match: re.Match[str]) -> str:
        nonlocal default_href
        href = html.escape(urljoin(page_url, html.unescape(match["href"])))
        if match["lang"] == default_language:
            default_href = href
        return f'<link rel="alternate" href="{href}" hreflang="{match["lang"]}">'

    head = ALTERNATE.sub(absolute, head)
    if default_href is not None and 'hreflang="x-default"' not in head:
        last = list(ALTERNATE.finditer(head))[-1]
        x_default = f'\n    <link rel="alternate" href="{default_href}" hreflang="x-default">'
        head = head[: last.end()] + x_default + head[last.end() :]
    return head + rest
