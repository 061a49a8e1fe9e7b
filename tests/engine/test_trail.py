"""The no-JavaScript trail: the shortest path of answers to each step, as the page
script finds it (breadth first, answers in the order written), capped in length."""

from __future__ import annotations

from generator.trail import Trail, shortest_trails


def test_each_step_gets_the_shortest_path_with_the_first_answer_winning_ties() -> None:
    questions = {
        "start": [("a", "left"), ("b", "right")],
        "left": [("c", "end"), ("d", "deep")],
        "right": [("e", "end"), ("f", "start")],
        "deep": [("g", "end")],
    }
    trails = shortest_trails("start", questions)
    assert trails["start"] == Trail((), earlier=False)
    assert trails["right"] == Trail((("start", "b"),), earlier=False)
    # Both left and right reach `end` in two answers: the first written answer wins.
    assert trails["end"] == Trail((("start", "a"), ("left", "c")), earlier=False)
    assert trails["deep"] == Trail((("start", "a"), ("left", "d")), earlier=False)


def test_unreachable_steps_have_no_trail() -> None:
    trails = shortest_trails("start", {"start": [("a", "end")], "orphan": [("b", "end")]})
    assert set(trails) == {"start", "end"}


def test_a_long_chain_lists_only_the_last_answers_and_says_there_are_more() -> None:
    chain = {f"q{i}": [("next", f"q{i + 1}")] for i in range(20)}
    trails = shortest_trails("q0", chain, limit=3)
    assert trails["q3"] == Trail((("q0", "next"), ("q1", "next"), ("q2", "next")), False)
    assert trails["q20"] == Trail((("q17", "next"), ("q18", "next"), ("q19", "next")), True)
    # The first listed question's own trail continues where this one stops.
    assert trails["q17"].answers[-1] == ("q16", "next")


def test_the_trail_html_escapes_writer_text_and_links_each_question() -> None:
    from generator.render import load_ui_strings
    from generator.trail import TrailEntry, trail_html, trail_item

    entries = [
        TrailEntry("t--start", "Paid <b>twice</b>?", None, "Yes & no", "en"),
        TrailEntry("t--card", "Which card?", None, "Visa", None),
    ]
    ui = load_ui_strings("nb")
    html = str(trail_html([trail_item(e) for e in entries], "t--start", ui))
    assert html.startswith('<noscript data-pagefind-ignore="all"><nav class="hc-trail"')
    assert '<li><a href="#t--start">Tidligere svar</a></li>' in html
    assert (
        '<li><a class="hc-trail__question" href="#t--start">Paid &lt;b&gt;twice&lt;/b&gt;?</a> '
        '<span class="hc-trail__answer" lang="en">Yes &amp; no</span></li>'
    ) in html
    assert (
        '<li><a class="hc-trail__question" href="#t--card">Which card?</a> '
        '<span class="hc-trail__answer">Visa</span></li>'
    ) in html
    assert str(trail_html([], None, ui)) == ""
