"""Markdown is read as the plain text a reader sees, its first heading the title; it is told by
extension or by its syntax, and plain prose is never taken for it."""

import pytest
import webpages

from tui.core import load_document
from tui.core.text.markdown import extract, looks_like_markdown

DOCUMENT = """---
title: "Storm Ciarán Batters France"
date: 2023-11-02
author: Jane Doe
---
# Storm Ciarán batters *northern* France

**Gérald Darmanin** said [1.2 million homes](https://example.org/outages "outages") lost power, and `EDF` crews worked overnight.

- Brittany was hit hardest
- Schools closed in 3 departments
  - Finistère
  - Morbihan

3. Trains stopped
4. Flights were cancelled

> "We have never seen winds like this," a mayor said.

```
wind_speed = 207  # km/h
```

| Region | Homes |
|---|---|
| Brittany | 780,000 |

<div class="ad">Sponsored <script>track()</script>content</div>

![Satellite image](storm.png) Winds reached 207 km/h at Pointe du Raz.
"""


def test_markdown_becomes_plain_text():
    article = extract(DOCUMENT)
    assert article.text.split("\n\n") == [
        "Storm Ciarán batters northern France",
        "Gérald Darmanin said 1.2 million homes lost power, and EDF crews worked overnight.",
        "- Brittany was hit hardest\n- Schools closed in 3 departments\n  - Finistère\n  - Morbihan",
        "3. Trains stopped\n4. Flights were cancelled",
        '"We have never seen winds like this," a mayor said.',
        "wind_speed = 207  # km/h",
        "Region | Homes\nBrittany | 780,000",
        "Sponsored content",
        "Winds reached 207 km/h at Pointe du Raz.",
    ]
    assert (article.title, article.date, article.author) == (
        "Storm Ciarán Batters France",
        "2023-11-02",
        "Jane Doe",
    )


def test_the_first_heading_is_the_title_without_front_matter():
    assert (
        extract("Intro line.\n\n## Talks End Without Deal\n\nBody.").title
        == "Talks End Without Deal"
    )


@pytest.mark.parametrize("key", ["rferl", "moscow"])
def test_seed_markdown_files_read_like_the_seeds(tmp_path, key):
    path = tmp_path / f"{key}.md"
    path.write_text(webpages.seed_markdown()[key], encoding="utf-8")
    doc = load_document(str(path))
    headline = webpages.RFERL_HEADLINE if key == "rferl" else webpages.MOSCOW_HEADLINE
    assert (
        doc.kind == "markdown" and doc.title == headline and doc.label == f"{key}.md — {headline}"
    )
    assert "#" not in doc.text and "](" not in doc.text and "\\*" not in doc.text
    assert "Home · World · Contact" in doc.text  # link words kept, targets dropped


def test_markdown_is_recognised_by_content(tmp_path):
    path = tmp_path / "notes"
    path.write_text(
        "# Summit\n\nKim met [Putin](https://en.wikipedia.org/wiki/Putin) on **Thursday**.\n"
    )
    doc = load_document(str(path))
    assert doc.kind == "markdown" and doc.text == "Summit\n\nKim met Putin on Thursday."


@pytest.mark.parametrize(
    "text",
    [
        "Kim arrived on Wednesday.\n\n- He was greeted with bread and salt.\n- Putin arrived on Thursday.\n",
        "> quoted line\n\nA **bold** claim, said the agency.\n",
        "Talks # 3 begin today. Prices rose 5% (after [sic] a fall).\n",
    ],
)
def test_plain_prose_with_stray_symbols_is_not_markdown(text):
    assert not looks_like_markdown(text)


def test_seeds_are_not_markdown():
    for path in (webpages.RFERL, webpages.MOSCOW):
        assert not looks_like_markdown(path.read_text(encoding="utf-8"))
