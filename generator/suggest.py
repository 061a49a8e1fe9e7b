"""'Did you mean ...?' hints that never suggest something that looks the same.

An id typed with a Cyrillic 'а' or a zero-width space looks exactly like the right one, so
"did you mean 'cancel'?" would not help: the hint then names the hidden difference.
"""

from __future__ import annotations

import difflib

from generator.characters import describe_lookalike, first_hidden_in_id, latin_lookalike, skeleton


def did_you_mean(word: str, choices: list[str]) -> str:
    """'; did you mean 'x'?', a look-alike warning, or '' when nothing is close."""
    shape = skeleton(word)
    for choice in choices:
        if choice != word and skeleton(choice) == shape:
            return f"; it looks like '{choice}' but {hidden_difference(word, choice)}"
    visibly_different = [c for c in choices if skeleton(c) != shape]
    close = difflib.get_close_matches(word, visibly_different, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def hidden_difference(word: str, choice: str) -> str:
    """How two strings that look the same differ, in words."""
    for name, text in (("it", word), (f"'{choice}'", choice)):
        hidden = first_hidden_in_id(text)
        if hidden is not None:
            return f"{name} contains {hidden[1]}; delete it"
        lookalike = next((c for c in text if latin_lookalike(c) is not None), None)
        if lookalike is not None:
            return f"{name} contains {describe_lookalike(lookalike)}; retype it"
    return "they differ in characters that look alike; retype it"
