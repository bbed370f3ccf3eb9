"""Abbreviations a text defines itself, so "IAEA" can meet "International Atomic Energy Agency"."""

from tui.core.text.abbreviations import abbreviations
from tui.core.text.tokens import keys


def test_long_form_then_abbreviation():
    found = abbreviations("Officials of the International Atomic Energy Agency (IAEA) said so.")
    assert found == {"iaea": tuple(keys("International Atomic Energy Agency"))}


def test_abbreviation_then_long_form():
    found = abbreviations("The IAEA (International Atomic Energy Agency) said so.")
    assert found == {"iaea": tuple(keys("International Atomic Energy Agency"))}


def test_only_the_words_the_letters_reach():
    found = abbreviations("A spokesman for the U.S. Department of Defense (DoD) agreed.")
    assert found == {"dod": tuple(keys("Department of Defense"))}


def test_asides_years_and_places_in_parentheses_are_not_abbreviations():
    text = "He was born in Paris (France) in 1990 (see above); Kim (pictured) said (AFP)."
    assert abbreviations(text) == {}


def test_first_definition_wins():
    text = "the European Union (EU) and later the Energy Unit (EU)"
    assert abbreviations(text) == {"eu": tuple(keys("European Union"))}
