"""Slots: figures read off text with normalised values, and whether two of them agree."""

import pytest

from tui.core.text.slots import find_slots, relate


def only(text: str):
    slots = find_slots(text)
    assert len(slots) == 1, [(s.kind, text[s.start : s.end]) for s in slots]
    return slots[0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "written"),
    [
        ("rose 5 percent", "percent", 5.0, "%", "5 percent"),
        ("rose five per cent", "percent", 5.0, "%", "five per cent"),
        ("rose 5%", "percent", 5.0, "%", "5%"),
        ("by 2 percentage points", "percent", 2.0, "pp", "2 percentage points"),
        ("on April 25 in", "date", (None, 4, 25), "", "April 25"),
        ("on 25 April in", "date", (None, 4, 25), "", "25 April"),
        ("on the 25th of April in", "date", (None, 4, 25), "", "25th of April"),
        ("April 24, 2019 -", "date", (2019, 4, 24), "", "April 24, 2019"),
        ("summits in June 2018 and", "date", (2018, 6, None), "", "June 2018"),
        ("In March, the", "date", (None, 3, None), "", "March"),
        ("in 1991 the", "date", (1991, None, None), "", "1991"),
        ("met on Thursday", "weekday", 3, "", "Thursday"),
        ("a nearly 700-kilometer trip", "quantity", 700_000.0, "length", "700-kilometer"),
        ("drove 435 miles", "quantity", 435 * 1609.344, "length", "435 miles"),
        ("for five years", "quantity", 5 * 31_557_600.0, "time", "five years"),
        ("cost $5.2 million", "money", 5_200_000.0, "USD", "$5.2 million"),
        ("cost 3bn euros", "money", 3e9, "EUR", "3bn euros"),
        ("cost 40 billion rubles", "money", 4e10, "RUB", "40 billion rubles"),
        ("four trips to China", "number", 4.0, "trip", "four"),
        ("twenty-five people died", "number", 25.0, "peopl died", "twenty-five"),
        ("1,500 troops", "number", 1500.0, "troop", "1,500"),
        (
            "ninety and nine years old",
            "quantity",
            99 * 31_557_600.0,
            "time",
            "ninety and nine years",
        ),
        (
            "threescore years and ten;",
            "quantity",
            70 * 31_557_600.0,
            "time",
            "threescore years and ten",
        ),
        ("seven and twenty provinces", "number", 27.0, "provinc", "seven and twenty"),
        ("on the twenty-fourth day of", "ordinal", 24.0, "day", "twenty-fourth"),
        ("in the four and twentieth day", "ordinal", 24.0, "day", "four and twentieth"),
        (
            "were five thousand, four hundred gold",
            "number",
            5400.0,
            "gold",
            "five thousand, four hundred",
        ),
        ("a thousand thousand talents", "number", 1e6, "talent", "thousand thousand"),
        ("the sixth nuclear test", "ordinal", 6.0, "nuclear test", "sixth"),
    ],
)
def test_a_figure_is_read_with_its_normalised_value(text, kind, value, unit, written):
    slot = only(text)
    assert (slot.kind, slot.unit, text[slot.start : slot.end]) == (kind, unit, written)
    assert slot.value == pytest.approx(value) if isinstance(value, float) else slot.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said",
        "state-owned Rossiya-24 said",
        "the G20 summit",
        "0:00 0:00:58 0:00",
        "the 1990s were",
        "one of the aides",
        "pic.twitter.com/PF3E4x2VK7 @dimsmirnov175",
        "a 5G network",
        "fell about 600m while",  # metres or a million: only money says
    ],
)
def test_names_codes_and_clock_times_are_not_figures(text):
    assert find_slots(text) == []


def test_offsets_point_into_the_whole_text():
    text = "Intro. Then 700 km and 5% on May 5."
    start = text.index("Then")
    slots = find_slots(text, start, len(text))
    assert [text[s.start : s.end] for s in slots] == ["700 km", "5%", "May 5"]


def test_offsets_hold_where_lower_case_changes_the_length():
    text = "İİ İstanbul rose 5 percent on May 5"
    assert [text[s.start : s.end] for s in find_slots(text)] == ["5 percent", "May 5"]


def relation(a: str, b: str, year=None):
    return relate(only(a), only(b), year)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rose 5 percent", "rose five per cent"),
        ("on 25 April", "on April 25"),
        ("on April 25", "on April 25, 2019 at"),
        ("a 700 km trip", "a 700-kilometre trip"),
        ("a 700 km trip", "a 435-mile trip"),
        ("a nearly 700 km trip", "a 650 km trip"),
        ("cost $5.2 million", "cost 5.2 million dollars"),
        ("cost 1.5 billion dollars", "cost $1,520,000,000"),
        ("four trips abroad", "4 trips"),
        ("for 48 hours", "for two days"),
    ],
)
def test_one_figure_in_other_words_agrees(a, b):
    assert relation(a, b) == "agree"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a 700 km trip", "a 900 km trip"),
        ("on April 25 in", "on April 26 in"),
        ("in 2001 the", "in 2002 the"),
        ("rose 5 percent", "rose 7 percent"),
        ("cost $5 million", "cost $8 million"),
        ("four trips to China", "three trips"),
        ("met on Monday", "met on Tuesday"),
        ("a nearly 700 km trip", "a 900 km trip"),
    ],
)
def test_the_same_slot_with_another_value_conflicts(a, b):
    assert relation(a, b) == "conflict"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("for five years", "rose 5 percent"),
        ("four trips to China", "four summits"),
        ("cost $5 million", "cost 5 million euros"),
        ("in 2019 the", "on April 25 in"),
        ("a 700 km trip", "for 700 hours"),
    ],
)
def test_different_slots_do_not_compare(a, b):
    assert relation(a, b) is None


def test_a_weekday_checks_against_a_date_once_the_year_is_known():
    assert relation("on April 25 in", "on Thursday") is None
    assert relation("on April 25 in", "on Thursday", 2019) == "agree"
    assert relation("on April 25 in", "on Friday", 2019) == "conflict"
    assert relation("on April 25, 2019 in", "on Friday") == "conflict"
