"""Document: spans into the unchanged text, joined
broken paragraphs, lookups, loading end to end."""

from pathlib import Path

from tui.core import Document, build_document, load_document
from tui.core.text.document import as_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def texts(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.sentences]


def test_sentences_are_sorted_disjoint_trimmed_and_indexed():
    doc = load_document(str(SEEDS / "rferl-kim-arrives-vladivostok.txt"))
    previous_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i and previous_end <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end] == doc.text[s.start : s.end].strip()
        previous_end = s.end
    assert [s.paragraph for s in doc.sentences] == sorted(s.paragraph for s in doc.sentences)


def test_paragraph_broken_after_a_name_is_joined():
    doc = load_document(str(SEEDS / "moscowtimes-kim-arrives-russia.txt"))
    joined = [t for t in texts(doc) if "Kremlin aide Yury" in t]
    assert joined and joined[0].endswith("Ushakov said.")
    joined = [t for t in texts(doc) if "His chief of staff" in t]
    assert joined and joined[0].endswith("South Korean media reported.")


def test_headline_is_not_joined_to_the_lede():
    doc = build_document(
        "Kim arrives in Russia for summit with Putin\n\nNorth Korean leader Kim Jong Un crossed the border."
    )
    assert texts(doc) == [
        "Kim arrives in Russia for summit with Putin",
        "North Korean leader Kim Jong Un crossed the border.",
    ]


def test_line_ending_on_a_conjunction_or_comma_runs_on():
    doc = build_document(
        "He met the envoy and\n\nthe minister on Monday. They spoke,\nAnd then left."
    )
    assert texts(doc) == [
        "He met the envoy and\n\nthe minister on Monday.",
        "They spoke,\nAnd then left.",
    ]


def test_sentence_near_and_slice():
    doc = build_document("First one. Second one.\n\nThird.")
    second = doc.sentences[1]
    assert doc.sentence_near(second.start) == 1 and doc.sentence_near(second.end - 1) == 1
    assert doc.sentence_near(second.start - 1) == 0  # the space between sentences: the one before
    assert doc.sentence_near(len(doc.text)) == len(doc.sentences) - 1
    assert doc.sentence_near(0) == 0 and build_document("").sentence_near(3) is None
    assert doc.sentence_at(second.end - 1) == second and doc.sentence_at(second.start - 1) is None
    assert doc.slice(second.span) == "Second one."
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == [
        "First one. Second one.",
        "Third.",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]


def test_content_sentences_leave_out_furniture():
    doc = build_document(
        "Breaking News\n\nThe talks ended without a deal on Friday, officials said."
    )
    assert [doc.text[s.start : s.end] for s in doc.content_sentences] == [
        "The talks ended without a deal on Friday, officials said."
    ]


def test_title_is_the_first_content_line_or_the_name():
    assert (
        build_document("Updated\n\nTalks End Without Deal\n\nBody text here.").title
        == "Talks End Without Deal"
    )
    assert build_document("ok", name="short.txt").title == "short.txt"
    assert len(build_document("word " * 1000).title) <= 120


def test_load_document_reports_path_encoding_and_notes(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes("Путин прибыл во Владивосток. Переговоры начнутся в четверг.".encode("cp1251"))
    doc = load_document(str(path))
    assert doc.source == str(path) and doc.name == "ru.txt" and doc.kind == "text"
    assert doc.encoding == "cp1251" and doc.notes == ("not UTF-8; decoded as cp1251",)
    assert texts(doc) == ["Путин прибыл во Владивосток.", "Переговоры начнутся в четверг."]


def test_as_document_cleans_raw_strings():
    doc = as_document("a\x1b[2Jb\r\nnext line.", "left")
    assert doc.text == "a[2Jb\nnext line." and doc.name == "left"
    assert as_document(doc, "other") is doc


def test_empty_string_via_the_api_gives_an_empty_document():
    doc = as_document("", "left")
    assert doc.sentences == () and doc.paragraphs == () and doc.title == "left"
