"""JSON version 2: each document carries the text every offset indexes, where it came from, its
kind and metadata; one writer serves comparisons and entity lists."""

import json

import webpages

from tui.core import build_document, compare, load_document
from tui.core.comparison import JSON_VERSION, document_json


def test_version_2_documents_carry_text_source_kind_and_metadata(tmp_path):
    path = tmp_path / "moscow.html"
    path.write_text(webpages.seed_pages()["moscow"], encoding="utf-8")
    left, right = load_document(str(webpages.RFERL)), load_document(str(path))
    data = json.loads(compare(left, right).to_json())
    assert data["version"] == JSON_VERSION == 2
    first, second = data["documents"]
    assert first["source"] == str(webpages.RFERL) and first["kind"] == "text"
    assert "site" not in first and "date" not in first  # only what is known
    assert second["source"] == str(path) and second["kind"] == "html"
    assert (second["title"], second["site"], second["date"], second["author"]) == (
        webpages.MOSCOW_HEADLINE,
        "The Moscow Times",
        "2019-04-24",
        "Reuters",
    )
    assert first["text"] == left.text and second["text"] == right.text
    # Offsets index the text the JSON carries.
    for match in data["matches"]:
        for side, doc in (("left", first), ("right", second)):
            for span in match[side] + match["shared"][side]:
                assert doc["text"][span["start"] : span["end"]].strip()
    for entity in data["entities"]:
        for span in entity["mentions"].get("left", []):
            assert first["text"][span["start"] : span["end"]].strip()
    assert compare(left, right).to_dict() == data


def test_text_given_to_the_api_is_named_by_its_side():
    comparison = compare("Kim arrived in Vladivostok.", "Kim arrived in Vladivostok on Wednesday.")
    first = comparison.to_dict()["documents"][0]
    assert first["source"] == "left" and first["kind"] == "text"
    assert first["text"] == "Kim arrived in Vladivostok."


def test_a_document_alone_has_the_same_shape_without_sentences():
    doc = build_document("Kim arrived.", "a.txt", "/tmp/a.txt")
    assert document_json(doc, sentences=False) == {
        "source": "/tmp/a.txt",
        "kind": "text",
        "title": "a.txt",
        "encoding": "utf-8",
        "text": "Kim arrived.",
        "length": 12,
    }
