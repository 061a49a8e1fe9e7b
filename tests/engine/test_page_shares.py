"""How `helpcenter build` cuts the languages' pages between its processes
(generator/page_shares.py)."""

from __future__ import annotations

import pytest

from generator.page_shares import SHARE_ENV, PartPlan, Share, plan_parts, requested_shares

FIVE = ("en", "id", "vi", "lv", "nb")


def test_five_languages_on_two_processes_share_the_middle_one() -> None:
    assert plan_parts(FIVE, 2) == [
        PartPlan(("en", "id", "vi"), (Share("vi", 0, 1, 2),)),
        PartPlan(("vi", "lv", "nb"), (Share("vi", 1, 2, 2),)),
    ]


def test_five_languages_on_three_processes_share_two_languages_by_thirds() -> None:
    assert plan_parts(FIVE, 3) == [
        PartPlan(("en", "id"), (Share("id", 0, 2, 3),)),
        PartPlan(("id", "vi", "lv"), (Share("id", 2, 3, 3), Share("lv", 0, 1, 3))),
        PartPlan(("lv", "nb"), (Share("lv", 1, 3, 3),)),
    ]


@pytest.mark.parametrize(
    ("processes", "split", "groups"),
    [
        (1, True, [FIVE]),
        (5, True, [(lang,) for lang in FIVE]),
        (9, True, [(lang,) for lang in FIVE]),  # never more processes than languages
        (2, False, [("en", "id", "vi"), ("lv", "nb")]),  # --strict: whole languages
    ],
)
def test_whole_languages_when_the_processes_divide_them_or_splitting_is_off(
    processes: int, split: bool, groups: list[tuple[str, ...]]
) -> None:
    assert plan_parts(FIVE, processes, split) == [PartPlan(group) for group in groups]


@pytest.mark.parametrize("languages", [FIVE, FIVE[:3], FIVE[:4], ("en", "id")])
@pytest.mark.parametrize("processes", [2, 3, 4])
def test_every_page_of_every_language_is_rendered_by_exactly_one_part(
    languages: tuple[str, ...], processes: int
) -> None:
    plans = plan_parts(languages, processes)
    for count in range(0, 41):
        for language in languages:
            renderers = [
                [
                    index
                    for index in range(count)
                    if all(s.renders(index) for s in plan.shares if s.language == language)
                ]
                for plan in plans
                if language in plan.languages
            ]
            rendered = sorted(index for part in renderers for index in part)
            assert rendered == list(range(count)), (language, count, plans)


def test_the_shares_are_read_back_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SHARE_ENV, "vi:1-2/2 lv:0-1/3")
    assert requested_shares() == {"vi": Share("vi", 1, 2, 2), "lv": Share("lv", 0, 1, 3)}


@pytest.mark.parametrize("text", ["vi", "vi:1-1/2", "vi:0-3/2", "vi:a-b/c", "vi:2-1/2"])
def test_a_malformed_share_is_named(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv(SHARE_ENV, text)
    with pytest.raises(ValueError) as error:
        requested_shares()
    assert str(error.value) == (
        f"HELPCENTER_SHARE: '{text}' is not LANGUAGE:START-END/UNITS (0 <= START < END"
        " <= UNITS); `helpcenter build` sets it"
    )
