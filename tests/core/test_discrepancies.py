"""Disagreements inside matches and what only one side says, on a constructed pair of our own:
some facts told alike in other words, some with other figures, one or two told by one side only."""

import json
from pathlib import Path

import pytest

from tui.core import LEFT, RIGHT, Match, build_document, compare, load_document
from tui.core.align.discrepancies import find_discrepancies

PAIR = Path(__file__).resolve().parents[1] / "data" / "disagreements"


@pytest.fixture(scope="module")
def pair():
    return compare(load_document(str(PAIR / "left.txt")), load_document(str(PAIR / "right.txt")))


def told(cmp) -> set[tuple[str, str, str]]:
    return {(d.kind, cmp.left.slice(d.left), cmp.right.slice(d.right)) for d in cmp.discrepancies}


def test_every_disagreement_of_the_pair_is_found_and_nothing_else(pair):
    assert told(pair) == {
        ("date", "Monday", "Tuesday"),
        ("date", "March 3, 2025", "March 4, 2025"),
        ("number", "212", "230"),
        ("number", "two", "three"),  # helicopters
        ("money", "$4 million", "$6 million"),
        ("name", "Erik Lund", "Anders Berg"),  # the coast guard spokesman
        ("date", "1987", "1989"),
        ("number", "120 metres", "140 metres"),
        ("percent", "40 percent", "60 percent"),
    }


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("340 kilometres", "340 km"),
        ("12 percent", "twelve percent"),
        ("five per cent", "5%"),
        ("20 years", "two decades"),
        ("March 10", "10 March"),
        ("five years", "5 percent"),  # not the same slot
        ("15 crew", "15 crew"),
    ],
)
def test_values_told_in_other_words_are_not_flagged(pair, left, right):
    assert left in pair.left.text and right in pair.right.text
    lo, ro = pair.left.text.index(left), pair.right.text.index(right)
    assert any(m.left[0].start <= lo < m.left[-1].end for m in pair.matches)  # the fact is shared
    assert not [d for d in pair.discrepancies if d.left.start <= lo < d.left.end]
    assert not [d for d in pair.discrepancies if d.right.start <= ro < d.right.end]


def test_each_disagreement_lies_inside_its_match(pair):
    by_id = {m.id: m for m in pair.matches}
    for d in pair.discrepancies:
        match = by_id[d.match]
        for side in (LEFT, RIGHT):
            assert any(
                s.start <= d.span(side).start and d.span(side).end <= s.end
                for s in match.spans(side)
            )


def doc(*sentences: str):
    return build_document("\n\n".join(sentences) + "\n")


def one_match(left, right, li: int, ri: int) -> Match:
    ls, rs = left.sentences[li], right.sentences[ri]
    return Match(0, (ls.span,), (rs.span,), 0.9, left_sentences=(li,), right_sentences=(ri,))


def test_a_fact_split_over_two_sentences_is_no_disagreement():
    # The right side's 2011 is told by the left's next sentence: not a conflict with 2001.
    left = doc(
        "The late leader met the president in Moscow in 2001 and in Vladivostok in 2002.",
        "He met the prime minister again in 2011.",
    )
    right = doc("The leader met the president in 2002, and the prime minister in 2011.")
    assert find_discrepancies(left, right, [one_match(left, right, 0, 0)]) == ()


def test_a_date_of_the_telling_is_not_the_date_of_the_event():
    left = doc("An aide told reporters on April 23 that the leaders would hold talks.")
    right = doc("The leaders will hold talks in the port city on Thursday, an aide said.")
    assert find_discrepancies(left, right, [one_match(left, right, 0, 0)]) == ()


def test_two_candidates_for_one_slot_are_left_alone():
    left = doc("The convoy of 40 trucks carried aid to the city.")
    right = doc("The convoy of 55 trucks and 60 trucks carried aid to the city.")
    assert find_discrepancies(left, right, [one_match(left, right, 0, 0)]) == ()


def test_a_weekday_against_the_date_it_falls_on():
    left = doc("April 24, 2019", "The two leaders meet in Vladivostok on April 25 for talks.")
    right = doc("The two leaders meet in Vladivostok on Friday for talks.")
    found = find_discrepancies(left, right, [one_match(left, right, 1, 0)])
    assert [(d.kind, left.slice(d.left), right.slice(d.right)) for d in found] == [
        ("date", "April 25", "Friday")
    ]
    thursday = doc("The two leaders meet in Vladivostok on Thursday for talks.")
    assert find_discrepancies(left, thursday, [one_match(left, thursday, 1, 0)]) == ()


def test_only_one_side_lists_the_unmatched_content_passages(pair):
    left = [pair.left.slice(p.span) for p in pair.only_here(LEFT)]
    right = [pair.right.slice(p.span) for p in pair.only_here(RIGHT)]
    assert any(text.startswith("Local residents brought blankets") for text in left)
    assert right == [
        "Engineers from the shipyard in Gdansk flew in to assess the damage overnight."
    ]
    matched = {i for m in pair.matches for i in m.left_sentences}
    for passage in pair.only_here(LEFT):
        for i in passage.sentences:
            assert i not in matched and not pair.left.sentences[i].boilerplate


def test_boilerplate_is_never_only_one_side():
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    cmp = compare(
        load_document(str(seeds / "rferl-kim-arrives-vladivostok.txt")),
        load_document(str(seeds / "moscowtimes-kim-arrives-russia.txt")),
    )
    for side in (LEFT, RIGHT):
        doc_ = cmp.doc(side)
        assert cmp.only_here(side)
        passages = {i for p in cmp.only_here(side) for i in p.sentences}
        assert not any(doc_.sentences[i].boilerplate for i in passages)
        shared = {i for m in cmp.matches for i in m.sentences(side)}
        content = {s.index for s in doc_.content_sentences}
        assert passages == content - shared


def test_the_json_lists_the_disagreements_with_their_spans(pair):
    data = json.loads(pair.to_json())
    assert data == json.loads(json.dumps(pair.to_dict()))
    text = pair.left.text, pair.right.text
    listed = {
        (
            d["kind"],
            text[0][d["left"]["start"] : d["left"]["end"]],
            text[1][d["right"]["start"] : d["right"]["end"]],
        )
        for d in data["discrepancies"]
    }
    assert listed == told(pair)
    ids = {m["id"] for m in data["matches"]}
    assert all(d["match"] in ids for d in data["discrepancies"])


def test_another_threshold_recomputes_them(pair):
    # Between the scores of the matches that hold disagreements, so that some stay and some go.
    scores = sorted(
        {m.score for m in pair.matches if any(d.match == m.id for d in pair.discrepancies)}
    )
    high = pair.with_threshold(scores[len(scores) // 2])
    ids = {m.id for m in high.matches}
    assert ids and all(d.match in ids for d in high.discrepancies)
    assert 0 < len(high.discrepancies) < len(pair.discrepancies)


def test_figures_read_by_a_second_core_give_the_same_disagreements(pair):
    from tui.core.align.discrepancies import text_slots
    from tui.core.parallel import Background

    work = Background([(text_slots, (pair.left, pair.right))], fork=True)
    forked = find_discrepancies(pair.left, pair.right, pair.matches, pair.entities, work.result(0))
    assert forked == pair.discrepancies


def test_json_of_long_texts_finds_the_disagreements_on_a_second_core_and_says_the_same(
    pair, monkeypatch
):
    inline = compare(pair.left, pair.right).to_json()
    monkeypatch.setattr("tui.core.comparison.FORK_THRESHOLD", 0)
    forked = compare(pair.left, pair.right)
    assert forked.to_json() == inline
    assert forked.discrepancies == pair.discrepancies and pair.discrepancies
