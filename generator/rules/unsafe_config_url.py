"""An address in the site's settings (the helpcenter plugin's `contact_url` in
mkdocs.yml) that is not http, https, mailto, tel or an article, judged as a browser reads
it: character references decoded, control characters, tabs and newlines dropped, case
folded. It becomes the "Contact support" link of every outcome.

Passing::

    contact_url: "HTTPS://example.com/contact?topic={subject}"

Failing::

    contact_url: "javascript:alert(1)"
"""

from collections.abc import Iterator

from generator.problems import Level, Problem
from generator.rules.base import Context
from generator.urls import scheme, unsafe_reason

ID = "unsafe-config-url"
LEVEL = Level.ERROR
SCOPE = "project"


def contact_url_reason(url: str) -> str | None:
    """Why contact_url may not be used, or None when it may. The build refuses the same
    values with the same words (generator/site/mkdocs_build.py)."""
    if reason := unsafe_reason(url):
        return f"the helpcenter plugin's contact_url {reason}"
    if scheme(url) is None and not url.partition("#")[0].endswith(".md"):
        return (
            "the helpcenter plugin's contact_url is neither an address nor an article; "
            "give a mailto: or https: address, or an article such as contact.md"
        )
    return None


def check(ctx: Context) -> Iterator[Problem]:
    setting = ctx.config.contact_url
    if setting is not None and (message := contact_url_reason(setting.value)):
        yield Problem(ctx.config_path, setting.line, setting.column, LEVEL, ID, message)
