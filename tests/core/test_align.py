"""Alignment: shared facts are matched, shared names
are not; evidence, selection and the threshold."""

import random
from pathlib import Path

import pytest

from tui.core import DEFAULT_THRESHOLD, build_document, compare, load_document
from tui.core.align.aligner import FLOOR, NAMES_ONLY, Aligner
from tui.core.align.select import BOOK_FLOOR
from tui.core.text.tokens import keys, normalise

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MARK = ROOT / "tests" / "data" / "bench" / "easy_webster-kjvpce" / "mark.webster.txt"


def align(left, right, threshold=DEFAULT_THRESHOLD):
    """The matches of two documents at `threshold`, as compare() selects them."""
    return Aligner(left, right).matches(threshold)


def doc(*sentences: str, name: str = "text"):
    return build_document("\n\n".join(sentences) + "\n", name)


def pairs(left, right, matches) -> set[tuple[str, str]]:
    """Matches as (left passage, right passage) texts: independent of order and offsets."""
    return {
        (left.text[m.left[0].start : m.left[0].end], right.text[m.right[0].start : m.right[0].end])
        for m in matches
    }


def shared_words(d, spans) -> list[str]:
    return [d.text[s.start : s.end] for s in spans]


@pytest.fixture(scope="module")
def seeds():
    left = load_document(str(SEEDS / "rferl-kim-arrives-vladivostok.txt"))
    right = load_document(str(SEEDS / "moscowtimes-kim-arrives-russia.txt"))
    return left, right, Aligner(left, right)


NOISE_L = (
    "The weather in the northern capital stayed cold for most of the week.",
    "Local shops reported brisk trade in winter coats and boots.",
    "A new bridge over the river is due to open next spring.",
)
NOISE_R = (
    "Officials said the harbour would be dredged before the summer season.",
    "Ticket prices for the city ferry rose slightly in January.",
    "The museum plans an exhibition of maritime paintings.",
)


def test_a_shared_quote_is_matched_and_its_words_marked():
    left = doc(
        *NOISE_L,
        'Kim told reporters he hoped the talks would be "successful and useful" for both sides.',
    )
    right = doc(
        '"I hope the talks will be successful and useful," the leader said on arrival.', *NOISE_R
    )
    matches = align(left, right)
    assert len(matches) == 1
    m = matches[0]
    assert "successful and useful" in shared_words(left, m.shared_left)
    assert "successful and useful" in shared_words(right, m.shared_right)
    assert m.evidence[0] == "successful and useful"


def test_a_match_names_a_shared_figure_as_its_first_evidence():
    left = doc(*NOISE_L, "The summit is scheduled for April 25, with 700 delegates expected.")
    right = doc(*NOISE_R, "Some 700 delegates will gather on 25 April for the summit.")
    (match,) = align(left, right)
    assert any(c.isdigit() for c in match.evidence[0])
    marked = " ".join(shared_words(left, match.shared_left))
    assert all(e in marked for e in match.evidence)
    # Phrases both texts write: the marked run "April 25, with 700 delegates" is two of them.
    assert {"April 25", "700 delegates"} <= set(match.evidence)


def test_evidence_names_phrases_both_texts_write_not_words_only_one_writes_together():
    left = doc(
        *NOISE_L, "Putin arrives in Vladivostok for the summit with the North Korean leader."
    )
    right = doc(
        *NOISE_R, "The North Korean leader arrives in Russia for a summit with Vladimir Putin."
    )
    (match,) = align(left, right)
    marked = shared_words(left, match.shared_left)
    assert "Putin arrives" in marked  # both words are shared, and marked as one run
    assert "Putin arrives" not in match.evidence  # but the right text does not write the phrase
    assert "North Korean leader" in match.evidence


def test_sentences_sharing_only_names_are_not_matched():
    left = doc(*NOISE_L, "Vladimir Putin and Kim Jong Un toured the shipyard in Vladivostok.")
    right = doc(
        *NOISE_R, "Kim Jong Un thanked Vladimir Putin for a gift of hunting rifles in Vladivostok."
    )
    assert align(left, right) == []
    # Stepped down to the floor, the pair shows as a guess, on its names and no more.
    (guess,) = align(left, right, FLOOR)
    assert guess.score <= NAMES_ONLY
    assert set(guess.evidence) <= {"Vladimir Putin", "Kim Jong Un", "Vladivostok"}


def test_same_date_and_number_written_differently_are_evidence():
    assert set(keys("on April 25")) & set(keys("25 April")) >= {"@4-25"}
    left = doc(*NOISE_L, "The summit is scheduled for April 25, with 700 delegates expected.")
    right = doc(*NOISE_R, "Some 700 delegates will gather on 25 April for the summit.")
    matches = align(left, right)
    assert len(matches) == 1
    marked = " ".join(shared_words(left, matches[0].shared_left))
    assert "April 25" in marked and "700" in marked


def test_spelling_variants_count_as_the_same_word():
    left = doc(
        *NOISE_L, "Kim spoke to Rossiya-24 about his talks with Dimitry Medvedev on grain exports."
    )
    right = doc(
        *NOISE_R, "Speaking to Rossiya 24, Kim recalled grain export talks with Dmitry Medvedev."
    )
    matches = align(left, right)
    assert len(matches) == 1
    marked_left = " ".join(shared_words(left, matches[0].shared_left))
    marked_right = " ".join(shared_words(right, matches[0].shared_right))
    assert "Rossiya-24" in marked_left and "Dimitry Medvedev" in marked_left
    assert "Rossiya 24" in marked_right and "Dmitry Medvedev" in marked_right


def test_inflections_share_a_stem():
    assert len({normalise(w) for w in ("arrive", "arrives", "arrived", "arriving")}) == 1
    assert normalise("denuclearization") == normalise("denuclearize")
    assert normalise("honour") == normalise("honor") and normalise("kilometre") == normalise(
        "kilometer"
    )
    left = doc(
        *NOISE_L, "The delegation arrived by armored train after crossing the border station."
    )
    right = doc(*NOISE_R, "Delegations arrive by armoured trains and cross at the border stations.")
    assert len(align(left, right)) == 1


def test_a_sentence_with_two_facts_gets_two_counterparts():
    left = doc(
        *NOISE_L,
        "Kim was greeted with bread and salt at the station, and later inspected a fish cannery "
        "that exports frozen crab.",
    )
    right = doc(
        "A girl offered Kim traditional bread and salt when he stepped off at the station.",
        *NOISE_R,
        "He also inspected a cannery whose frozen crab exports go to Japan.",
    )
    matches = align(left, right)
    assert len(matches) == 2
    assert len({m.left[0] for m in matches}) == 1 and len({m.right[0] for m in matches}) == 2


def test_shuffling_the_sentences_changes_nothing_without_order(seeds):
    """Content scores do not depend on order; without the order lift and the position prior
    neither do the matches."""
    left, right, _aligner = seeds
    order = [right.text[s.start : s.end] for s in right.sentences if not s.boilerplate]
    random.Random(7).shuffle(order)
    shuffled = doc(*order)
    after = Aligner(left, shuffled, order=False)
    before = Aligner(left, right, order=False)
    assert pairs(left, shuffled, after.matches()) == pairs(left, right, before.matches())
    rtext = [right.slice(s) for s in before.right.spans]
    stext = [shuffled.slice(s) for s in after.right.spans]
    for a in range(len(before.left.spans)):
        for b, text in enumerate(rtext):
            assert after.score(a, stext.index(text)) == pytest.approx(before.score(a, b))


def test_boilerplate_never_takes_part(seeds):
    left, right, aligner = seeds
    for d, side in ((left, "left"), (right, "right")):
        furniture = [s.span for s in d.sentences if s.boilerplate]
        assert furniture
        for m in aligner.matches(0.1):
            assert not any(span.overlaps(b) for span in m.spans(side) for b in furniture)


def test_spans_lie_within_their_sentences_and_scores_in_unit_interval(seeds):
    left, right, aligner = seeds
    matches = aligner.matches(0.1)
    assert matches
    for i, m in enumerate(matches):
        assert m.id == i and 0.0 <= m.score <= 1.0
        for d, spans, shared, sentences in (
            (left, m.left, m.shared_left, m.left_sentences),
            (right, m.right, m.shared_right, m.right_sentences),
        ):
            for span in spans:
                s = d.sentences[sentences[0]]
                assert s.start <= span.start < span.end <= s.end
            assert shared and all(
                any(sp.start <= w.start and w.end <= sp.end for sp in spans) for w in shared
            )
            assert all(d.text[w.start : w.end].strip() == d.text[w.start : w.end] for w in shared)


def test_a_higher_threshold_keeps_a_subset(seeds):
    left, right, aligner = seeds
    previous = None
    for t in (0.1, 0.2, 0.3, DEFAULT_THRESHOLD, 0.5, 0.7, 0.9):
        current = pairs(left, right, aligner.matches(t))
        assert all(m.score >= t for m in aligner.matches(t))
        if previous is not None:
            assert current <= previous
        previous = current
    assert pairs(left, right, aligner.matches(0.1)) > pairs(left, right, aligner.matches(0.5))


def test_with_threshold_reselects_like_a_fresh_comparison(seeds):
    left, right, _ = seeds
    base = compare(left, right)
    for t in (0.2, 0.5):
        again = base.with_threshold(t)
        assert again.threshold == t and again.entities == base.entities
        assert pairs(left, right, again.matches) == pairs(
            left, right, compare(left, right, t).matches
        )


def test_unrelated_texts_have_next_to_no_matches(seeds):
    left, _, _ = seeds
    chapter = build_document(MARK.read_text(encoding="utf-8")[:20000], "mark")
    assert len(align(left, chapter)) <= 1


def test_progress_is_reported_up_to_one(seeds):
    left, right, _ = seeds
    seen = []
    Aligner(left, right, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_empty_or_boilerplate_only_sides_give_no_matches(seeds):
    left, _, _ = seeds
    assert align(left, doc("XS", "SM")) == []


def _ordered_book(count: int = 40) -> list[str]:
    """Distinct sentences, as the verses of a book: each has one counterpart in a translation."""
    things = "river mill harbour lantern orchard granary bridge quarry furnace tannery chapel meadow forge beacon".split()
    names = [f"Kel{chr(97 + i // 26)}{chr(97 + i % 26)}an" for i in range(count)]
    return [
        f"{names[i]} repaired the {things[i % 14]} near the {things[(i * 5 + 3) % 14]} in {1800 + 3 * i} "
        f"with {i + 4} workers."
        for i in range(count)
    ]


def test_in_an_ordered_text_a_weak_look_alike_far_away_is_not_a_counterpart():
    book = _ordered_book()
    # Sentence 5 lost its counterpart; far away, a passing line shares a few of its words.
    look_alike = f"The {book[5].split()[3]} near the {book[5].split()[6]} was cold and {book[5].split()[0]} slept."
    other = book[:5] + book[6:30] + [look_alike] + book[30:]
    left, right = build_document("\n\n".join(book)), build_document("\n\n".join(other))
    far = other.index(look_alike)
    unordered = [m for m in Aligner(left, right, order=False).matches() if m.left_sentences == (5,)]
    assert [m.right_sentences for m in unordered] == [(far,)], (
        "the look-alike scores as a match on words alone"
    )
    ordered = Aligner(left, right).matches()
    assert not [m for m in ordered if m.left_sentences == (5,)]
    # Every other sentence still finds its counterpart in order.
    assert sorted(m.left_sentences[0] for m in ordered) == [i for i in range(40) if i != 5]


def test_clauses_are_cut_at_clause_marks_but_not_inside_a_list_of_names():
    from tui.core.align.units import Units

    listing = doc(
        "The new cabinet was named on Friday: Anna Berg of Oslo, Finance and Budget; Jon Dahl of "
        "Bergen, Defence and Police; Eva Lind of Tromso, Foreign Affairs and Trade."
    )
    two_facts = doc(
        "The delegation arrived by armored train on Wednesday morning; the leaders will hold "
        "their talks at the university campus on Thursday."
    )
    assert len(Units(listing).spans) == 1
    cut = [two_facts.slice(s) for s in Units(two_facts).spans]
    assert cut == [
        "The delegation arrived by armored train on Wednesday morning;",
        "the leaders will hold their talks at the university campus on Thursday.",
    ]


def test_a_capitalised_clause_opener_after_a_comma_starts_a_unit_but_a_name_does_not():
    """Verses joined into one sentence keep their capitals ("..., And he said"); a quotation
    without quote marks opens with one too. A name or a title after a comma is not a clause."""
    from tui.core.align.units import Units

    verses = doc(
        "And he sent the twelve out two by two and said, Go into the villages and go alone, "
        "And when the evening was come he was there alone, Then the ship was in the midst of "
        "the sea."
    )
    names = doc(
        "The festival line-up was announced on Monday morning, The Cribs and Gary Numan "
        "headlining, President Moon Jae-in opening it with Mr. Gray closing the last night."
    )
    cut = [verses.slice(s) for s in Units(verses).spans]
    assert cut == [
        "And he sent the twelve out two by two and said,",
        "Go into the villages and go alone,",
        "And when the evening was come he was there alone,",
        "Then the ship was in the midst of the sea.",
    ]
    assert len(Units(names).spans) == 1


def test_a_reworded_sentence_in_another_word_order_is_matched():
    left = doc(
        *NOISE_L, "Rescuers pulled two fishermen from the icy water near the pier on Sunday."
    )
    right = doc(
        *NOISE_R, "On Sunday, near the pier, two fishermen were pulled from icy water by rescuers."
    )
    assert len(align(left, right)) == 1


def test_books_are_scored_by_the_model_fitted_without_the_columns_they_cannot_measure():
    """Texts too long to score every unit pair leave the spelling and centrality columns
    unmeasured: the partial model, which weighs nothing on them, scores them instead."""
    from tui.core.align.features import NAMES, WHOLE
    from tui.core.align.pair_model import shipped

    model = shipped()
    assert model.partial is not None and not model.partial.evidence.coef[list(WHOLE)].any()
    assert model.evidence.coef[list(WHOLE)].any()
    assert {NAMES[i] for i in WHOLE} >= {"token_set", "central_min"}
    mark = load_document(str(MARK))
    assert Aligner(mark, mark).model.partial is None  # the partial model has none of its own
    left, right = doc(*NOISE_L), doc(*NOISE_R)
    assert Aligner(left, right).model.partial is not None


def test_a_dateline_pairs_with_nothing_not_even_the_sentence_holding_its_date():
    left = doc("July 13, 2009", *NOISE_L)
    right = doc(*NOISE_R, "The council approved the budget on July 13, 2009.")
    assert align(left, right) == []
    left = doc("Posted July 13, 2009 12:41PM", *NOISE_L)
    assert align(left, right) == []


def test_stepped_down_to_the_floor_an_article_shows_its_weak_best_guesses(seeds):
    """The reader's lowest threshold lists pairs a book's floor would drop: a sentence whose
    counterpart is told in other words shows its best guess there, and nothing scores below."""
    _, _, aligner = seeds
    scores = [m.score for m in aligner.matches(FLOOR)]
    assert min(scores) >= FLOOR
    assert sum(s < BOOK_FLOOR for s in scores) >= 10
    assert len(aligner.matches(BOOK_FLOOR)) < len(scores)
