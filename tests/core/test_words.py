"""One vocabulary for matching and entities: the same letters fold, the same words are months."""

from tui.core import compare
from tui.core.entities.lexicon import spelling_key
from tui.core.text.tokens import normalise


def test_matching_and_entities_fold_the_same_letters():
    for written, plain in (("Đorđević", "Dordevic"), ("Łódź", "Lodz"), ("Ærø", "Aero")):
        assert spelling_key(written) == spelling_key(plain)
        assert normalise(written) == normalise(plain)


def test_a_name_spelled_with_and_without_its_marks_is_one_entity_on_both_sides():
    left = "Talks opened in Łódź on Monday. The mayor of Łódź welcomed the delegates."
    right = "Talks opened in Lodz on Monday, the city's mayor said."
    places = {e.label: e for e in compare(left, right).entities}
    lodz = places.get("Łódź") or places.get("Lodz")
    assert lodz is not None and lodz.mentions["left"] and lodz.mentions["right"]
