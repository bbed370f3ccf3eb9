"""The array word scan (word_spans) finds exactly the regex's words (split_words), on any text."""

from itertools import accumulate

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.text.tokens import WORD, split_words, word_spans

# Biased to what decides a word edge: suffix letters, marks, digits of other scripts, combining
# marks.
TRICKY = (
    list("aAbUSstndrhxé")
    + list("0123456789٣४")
    + list(".,'’%-/ _\n\t")
    + ["\u0301", "²", "ß", "𝐀", "𝟙", "\ud800"]
)
texts = st.text(st.one_of(st.sampled_from(TRICKY), st.characters()), max_size=60)


def _regex_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    parts = split_words(text)
    ends = list(accumulate(map(len, parts)))
    return ends[0:-1:2], ends[1::2], parts[1::2]


def _spans(text: str) -> tuple[list[int], list[int], list[str]]:
    starts, ends, words = word_spans(text)
    return starts.tolist(), ends.tolist(), words


@settings(max_examples=1500, deadline=None)
@given(texts)
@example("U.S. and U.K. troops, the U.S.A.'s ab.c.d. x'a.b.c. 1sU.S. 1s.a.b. 1st'U.S.")
@example("don't Korea's 'tis rock'n'roll a' a''b 1s't 1st's")
@example(
    "1st 2nd 3rd 4th 1990s 10% 1,000.5 1.2.3 1..2 1,,2 1.a 1ST 1s% 1st% 1%2 1st2 1stuff 12thousand"
)
@example("e\u0301te\u0301 ٣٤th ²x _a_ ’tis don’t")  # beyond ASCII, within the BMP
@example("𝐀.𝐁. 𝟙2nd a\ud800b")  # beyond the BMP, and a lone surrogate
@example("")
def test_fast_scan_equals_regex(text):
    assert _spans(text) == _regex_spans(text)


@given(st.text(st.sampled_from(TRICKY), max_size=200))
def test_words_are_the_text_at_their_offsets(text):
    starts, ends, words = _spans(text)
    assert [text[s:e] for s, e in zip(starts, ends)] == words == WORD.findall(text)


def test_acronyms_apostrophes_and_numbers():
    assert _spans("The U.S.'s 1st gain: 3,500.25% (don't)")[2] == [
        "The",
        "U.S.",
        "s",
        "1st",
        "gain",
        "3,500.25%",
        "don't",
    ]


def test_number_suffix_leaves_the_rest_of_the_word():
    assert _spans("1stuff 2sU.S.")[2] == ["1st", "uff", "2s", "U.S."]


def test_acronym_starts_after_a_longer_word():
    assert _spans("ab.c.d.")[2] == ["ab", "c.d."]


def test_non_ascii_offsets_are_code_points():
    assert _spans("Žižek’s 𝐀𝐁 café") == ([0, 8, 11], [7, 10, 15], ["Žižek’s", "𝐀𝐁", "café"])


def test_a_book_length_text():
    text = "In the year 1611, the K.J.V.'s 2nd printing: Korea's 4.5% (don't).\n" * 2000
    assert _spans(text) == _regex_spans(text)
