"""Sentence segmentation: offsets into the text, the
usual traps of news prose, bounded sentences."""

import pytest

from tui.core.model import Span
from tui.core.text import segment


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment.sentences(text, Span(0, len(text)))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. President met Mr. Kim. They talked.",
            ["The U.S. President met Mr. Kim.", "They talked."],
        ),
        ("On Jan. 5 he left. He came back.", ["On Jan. 5 he left.", "He came back."]),
        (
            "It began at 9 a.m. and ended late. Then rain.",
            ["It began at 9 a.m. and ended late.", "Then rain."],
        ),
        (
            "George W. Bush and J. R. R. Tolkien met. Odd.",
            ["George W. Bush and J. R. R. Tolkien met.", "Odd."],
        ),
        (
            "Growth was 3.5 percent in 2019. Prices rose 1.2%.",
            ["Growth was 3.5 percent in 2019.", "Prices rose 1.2%."],
        ),
        (
            "Dr. Smith arrived. St. Petersburg waited.",
            ["Dr. Smith arrived.", "St. Petersburg waited."],
        ),
        (
            "He sold it to Apple Inc. The deal closed.",
            ["He sold it to Apple Inc.", "The deal closed."],
        ),
        ("See No. 10 Downing St. now.", ["See No. 10 Downing St. now."]),
        ("Wait... what? Yes! Really.", ["Wait... what?", "Yes!", "Really."]),
        ("It ends… Then another.", ["It ends…", "Then another."]),
        ('"Why?" he asked. "Because."', ['"Why?" he asked.', '"Because."']),
    ],
)
def test_news_prose(text, expected):
    assert split(text) == expected


def test_sentence_ending_inside_curly_quotes_ends_after_the_quote():
    text = "He hopes the meeting will be “successful and useful.” The two met on April 25."
    assert split(text) == [
        "He hopes the meeting will be “successful and useful.”",
        "The two met on April 25.",
    ]


def test_quote_then_attribution_is_one_sentence():
    text = "“I hope the talks will be successful,” he said. “Yes,” she replied."
    assert split(text) == ["“I hope the talks will be successful,” he said.", "“Yes,” she replied."]


def test_headline_without_final_punctuation_is_one_unit():
    assert split("Kim Jong Un Arrives In Vladivostok To Meet Putin") == [
        "Kim Jong Un Arrives In Vladivostok To Meet Putin"
    ]


def test_cyrillic():
    text = "Путин прибыл во Владивосток. Ким Чен Ын приехал накануне."
    assert split(text) == ["Путин прибыл во Владивосток.", "Ким Чен Ын приехал накануне."]


def test_cjk_sentences_need_no_space():
    text = "金正恩抵达符拉迪沃斯托克。他将与普京举行会谈！真的吗？「是的。」好。"
    assert split(text) == [
        "金正恩抵达符拉迪沃斯托克。",
        "他将与普京举行会谈！",
        "真的吗？",
        "「是的。」",
        "好。",
    ]


def test_arabic_question_mark_and_full_stop():
    text = "هل وصل كيم؟ نعم وصل۔ انتهى"
    assert split(text) == ["هل وصل كيم؟", "نعم وصل۔", "انتهى"]


def test_emoji_and_wide_characters_keep_offsets():
    text = "👩‍👩‍👧 arrived. Ｗｉｄｅ text 🇺🇦 too."
    spans = segment.sentences(text, Span(0, len(text)))
    assert [text[s.start : s.end] for s in spans] == ["👩‍👩‍👧 arrived.", "Ｗｉｄｅ text 🇺🇦 too."]


def test_offsets_are_relative_to_the_whole_text():
    text = "Intro line\nFirst one. Second one.\n"
    block = segment.blocks(text)[1]
    assert [(s.start, s.end) for s in segment.sentences(text, block)] == [(11, 21), (22, 33)]


def test_blocks_are_trimmed_lines_and_paragraphs_split_on_blank_lines():
    text = "  Title  \n\n\tLine one\nline two \n \n\nLast"
    assert [text[b.start : b.end] for b in segment.blocks(text)] == [
        "Title",
        "Line one",
        "line two",
        "Last",
    ]
    assert [text[p.start : p.end] for p in segment.paragraphs(text)] == [
        "Title",
        "Line one\nline two",
        "Last",
    ]


def test_one_megabyte_line_without_punctuation_is_cut_into_bounded_pieces():
    text = ("word " * 200_000).strip()
    spans = segment.sentences(text, Span(0, len(text)))
    assert max(len(s) for s in spans) <= segment.MAX_SENTENCE
    assert all(text[s.start] != " " and text[s.end - 1] != " " for s in spans)
    assert "".join(text[s.start : s.end] + " " for s in spans).strip() == text


def test_overlong_sentence_breaks_at_a_clause_before_a_space():
    clause = "and the waters covered the earth for many days, "
    text = clause * 40 + "end."
    spans = segment.sentences(text, Span(0, len(text)))
    assert len(spans) > 1
    assert all(text[s.end - 1] in ",." for s in spans)


def test_spaceless_run_is_cut_without_splitting_an_emoji_sequence():
    text = "字" * 599 + "👍🏽" + "字" * 1000
    spans = segment.sentences(text, Span(0, len(text)))
    assert max(len(s) for s in spans) <= segment.MAX_SENTENCE
    assert sum(len(s) for s in spans) == len(text)
    assert all(not text[s.start : s.end].startswith("🏽") for s in spans)


def test_spaceless_run_is_cut_without_splitting_a_flag():
    text = "字" * 599 + "🇺🇦" + "字" * 1000
    spans = segment.sentences(text, Span(0, len(text)))
    assert all(
        text[s.start : s.end].count("\U0001f1fa") == text[s.start : s.end].count("\U0001f1e6")
        for s in spans
    )


def test_russian_abbreviations():
    text = "В 1991 г. Горбачёв ушёл в отставку. Потом всё изменилось."
    assert split(text) == ["В 1991 г. Горбачёв ушёл в отставку.", "Потом всё изменилось."]


def test_list_numbers_do_not_end_sentences():
    assert split("1. Kim arrives by train. Putin waits.") == [
        "1. Kim arrives by train.",
        "Putin waits.",
    ]
    assert split("He left in 1991. Then he came back.") == [
        "He left in 1991.",
        "Then he came back.",
    ]
