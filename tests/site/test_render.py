"""The renderer on its own (no MkDocs, no browser): markup contract, escaping, fallbacks."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from generator.mermaid import flowchart
from generator.model import (
    ArticleLink,
    ExternalLink,
    Option,
    Outcome,
    Pos,
    Question,
    Text,
    Tree,
    TreeTranslation,
)
from generator.render import (
    ArticleRef,
    RenderContext,
    contact_article,
    load_ui_strings,
    render_map_page,
    render_troubleshooter,
    render_troubleshooter_page,
)
from generator.writer_text import render_block, render_inline

P = Pos("t.yml", 1, 1)
LANGUAGES = ["en", "id", "vi", "lv", "nb"]


def t(value: str) -> Text:
    return Text(value, P)


def sample_tree(question: str = "What do you want to cancel?") -> Tree:
    nodes: dict[str, Question | Outcome] = {
        "start": Question(
            "start",
            P,
            t(question),
            t("Look at your *orders*."),
            [
                Option("order", t("An order"), "done", P, P),
                Option("sub", t("A subscription"), "support", P, P),
            ],
        ),
        "done": Outcome(
            "done",
            P,
            "solved",
            t("Cancel it"),
            t("1. Open **Orders**.\n2. Cancel."),
            [ArticleLink("orders/cancel.md#steps", P)],
            [ExternalLink("orders", t("Order history"), "https://example.com/orders", P, P)],
        ),
        "support": Outcome("support", P, "contact-support", t("Contact us"), t("Call us.")),
    }
    tree = Tree("cancel", "t.yml", P, t("Why can't I cancel?"), t("Find out."), t("start"), nodes)
    tree.translations["nb"] = TreeTranslation(
        "nb", "t.nb.yml", {"title": t("Hvorfor?"), "start.question": t("Hva?")}, {}, P
    )
    return tree


def context(
    language: str = "en",
    contact: str | None = "mailto:help@example.com?subject={subject}&body={summary}",
) -> RenderContext:
    def article(path: str, anchor: str) -> ArticleRef | None:
        return ArticleRef(f"../../{path[:-3]}/#{anchor}", f"Steps ({path})", "en")

    return RenderContext(language, load_ui_strings(language), article, contact)


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Collect()
    parser.feed(html)
    return parser.elements


def page_data(html: str) -> str:
    """The troubleshooter's JSON, as the page script reads it from its script element."""
    found = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)
    assert found, "the troubleshooter has no JSON script element"
    return found[1]


def test_markup_contract() -> None:
    html = render_troubleshooter(sample_tree(), context())
    found = elements(html)
    roots = [a for tag, a in found if "data-tree" in a]
    assert [r["data-tree"] for r in roots] == ["cancel"]
    steps = {a["data-node"]: a for tag, a in found if "data-node" in a}
    assert set(steps) == {"start", "done", "support"}
    assert steps["done"]["data-outcome"] == "done" and "data-outcome" not in steps["start"]
    assert steps["start"]["aria-current"] == "step"
    assert all(s["id"] == f"cancel--{n}" for n, s in steps.items())
    options = {a["data-option"]: a for tag, a in found if "data-option" in a}
    assert (
        options["order"]["href"] == "#cancel--done" and options["sub"]["href"] == "#cancel--support"
    )


def test_every_text_is_in_the_html_and_data_is_json() -> None:
    html = render_troubleshooter(sample_tree(), context())
    for text in (
        "What do you want to cancel?",
        "An order",
        "Cancel it",
        "<strong>Orders</strong>",
        "Call us.",
    ):
        assert text in html
    raw = page_data(html)
    data = json.loads(raw)
    assert data["tree"] == "cancel" and data["start"] == "start"
    # The page script reads steps, answers and where they lead from the HTML: no step
    # text travels twice.
    assert "nodes" not in data
    for text in ("What do you want to cancel?", "An order", "Cancel it", "Call us."):
        assert text not in raw


def test_writer_html_is_text_and_json_cannot_close_its_script() -> None:
    payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \" ' &amp;"
    html = str(render_troubleshooter(sample_tree(question=payload), context()))
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    # In the JSON, < and > are escaped, so the data script element cannot be closed early.
    assert html.count("</script>") == 1


@pytest.mark.parametrize(
    "source, expected",
    [
        ("[x](javascript:alert(1))", "<span>x</span>"),
        ("[x](//evil.example/a)", "<span>x</span>"),
        ("[x](https://example.com/a)", '<a href="https://example.com/a">x</a>'),
        ("[x](mailto:a@example.com)", '<a href="mailto:a@example.com">x</a>'),
        ("![alt text](https://tracker.example/p.gif)", "<span>alt text</span>"),
        # Tags become text; an entity stays an entity, which a browser shows as text too.
        ("&lt;b&gt; <b>bold</b>", "&lt;b&gt; &lt;b&gt;bold&lt;/b&gt;"),
    ],
)
def test_link_and_html_policy(source: str, expected: str) -> None:
    assert render_inline(source) == expected


def test_relative_md_links_resolve_to_articles() -> None:
    html = render_block(
        "See [steps](orders/cancel.md#steps).", lambda path, anchor: f"/{path}|{anchor}"
    )
    assert '<a href="/orders/cancel.md|steps">steps</a>' in html
    assert "<span>steps</span>" in render_block("[steps](missing.md)", lambda p, a: None)


def test_fallback_text_is_marked_english_with_a_notice() -> None:
    html = str(render_troubleshooter(sample_tree(), context("nb")))
    assert re.search(
        r'<h2 [^>]*id="cancel--start-title"[^>]*>Hva\?</h2>', html
    )  # translated: no lang
    assert re.search(r'<a class="hc-option"[^>]*lang="en">An order</a>', html)
    assert load_ui_strings("nb")["part_not_translated"] in html
    assert load_ui_strings("nb")["not_translated"] in html
    assert load_ui_strings("en")["part_not_translated"] not in str(
        render_troubleshooter(sample_tree(), context("en"))
    )


def test_outcome_offers_articles_contact_and_feedback() -> None:
    html = str(render_troubleshooter(sample_tree(), context()))
    assert 'href="../../orders/cancel/#steps"' in html
    assert (
        "mailto:help@example.com?subject=Cancel%20it&amp;body=Troubleshooter%3A%20Why%20can" in html
    )
    assert 'data-helpful="yes"' in html and 'data-helpful="no"' in html
    without = str(render_troubleshooter(sample_tree(), context(contact=None)))
    assert "hc-contact__link" not in without


def test_page_lists_the_linked_articles_and_map_lists_every_step() -> None:
    page = str(render_troubleshooter_page(sample_tree(), context()))
    assert page.startswith("<h1>Why can't I cancel?</h1>")
    assert "Steps (orders/cancel.md)" in page
    map_html = str(render_map_page(sample_tree(), context(), "../../troubleshooters/cancel/"))
    for node in ("start", "done", "support"):
        assert f'id="map--{node}"' in map_html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_ui_string(language: str) -> None:
    from importlib.resources import files

    import yaml

    english = yaml.safe_load((files("generator") / "locales" / "en.yml").read_text("utf-8"))
    own = yaml.safe_load((files("generator") / "locales" / f"{language}.yml").read_text("utf-8"))
    assert set(own) == set(english)
    assert all(isinstance(v, str) and v.strip() for v in own.values())
    if language != "en":  # translated, not copied
        same = [k for k in english if own[k] == english[k] and k not in ("yes", "no")]
        assert len(same) <= 2, same


def test_map_flowchart_is_mermaid_with_escaped_labels() -> None:
    chart = flowchart(sample_tree(question='Say "hi" <b>1</b>'))
    assert chart.startswith("flowchart TD\n")
    assert "#quot;hi#quot; #lt;b#gt;1#lt;/b#gt;" in chart and "<b>" not in chart
    assert '-->|"An order"|' in chart


def test_contact_url_can_name_an_article_linked_in_the_page_language() -> None:
    html = str(render_troubleshooter(sample_tree(), context(contact="contact.md#phone")))
    assert (
        'class="md-button md-button--primary hc-contact__link" href="../../contact/#phone"' in html
    )
    data = json.loads(page_data(html))
    assert data["contact"] is None  # nothing for the page script to fill in
    assert 'class="md-button hc-summary__copy"' in html
    assert contact_article("contact.md#phone") == ("contact.md", "phone")
    for url in ("https://example.com/contact.md", "/contact.md", "mailto:a@b.c", "contact"):
        assert contact_article(url) is None
