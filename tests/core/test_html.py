"""Web pages become their article's text: menus, scripts, styles and footers left out, entities
decoded, the headline as title, the charset the page declares; hostile pages stay data."""

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import webpages

from tui.core import extract_entities, load_document
from tui.core.text import html
from tui.core.text.sources import convert

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-shared-facts.json").read_text(encoding="utf-8"))
PAGES = webpages.seed_pages()
ARRIVAL = "Kim arrived in Vladivostok on Wednesday by armoured train, officials said."


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("key", "headline", "site"),
    [
        ("rferl", webpages.RFERL_HEADLINE, "Radio Free Europe/Radio Liberty"),
        ("moscow", webpages.MOSCOW_HEADLINE, "The Moscow Times"),
    ],
)
def test_a_news_page_gives_its_article_and_headline(tmp_path, key, headline, site):
    path = tmp_path / f"{key}.html"
    path.write_text(PAGES[key], encoding="utf-8")
    doc = load_document(str(path))
    assert doc.kind == "html" and doc.title == headline and doc.site == site
    assert doc.label == f"{site} — {headline}"
    assert doc.text.startswith(headline + "\n\n")
    # Every gold snippet of the article's body is there, word for word.
    side = "left" if key == "rferl" else "right"
    snippets = [s for fact in GOLD["facts"] for s in fact[side]]
    found = [s for s in snippets if s in doc.text]
    assert len(found) >= len(snippets) - 2, set(snippets) - set(found)
    # Nothing of the page's furniture or code.
    for furniture in (
        "<",
        "dataLayer",
        "Georgia",
        "track(",
        "Advertisement",
        "Most read",
        "Ruble Hits",
    ):
        assert furniture not in doc.text
    assert "All rights reserved" not in doc.text and "Opinion" not in doc.text
    names = {e.label for e in extract_entities(doc)}
    assert not names & {"DOCTYPE", "Georgia", "Date", "Times New Roman"}


def test_the_byline_and_date_become_metadata():
    read = convert(PAGES["moscow"].encode(), "moscow.html", hint="html")
    assert read.author == "Reuters" and read.date == "2019-04-24"


def test_entities_are_decoded_so_names_stay_whole():
    read = convert(
        page(
            f"<h1>Storm Ciar&aacute;n</h1><p>G&eacute;rald Darmanin met Cl&#233;ment Beaune in Paris on Friday to discuss the storm damage. {ARRIVAL}</p>"
        ).encode(),
        "storm.html",
    )
    assert "Gérald Darmanin met Clément Beaune" in read.text
    names = {e.label for e in extract_entities(read.text)}
    assert {"Gérald Darmanin", "Clément Beaune"} <= names


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>",
        "<!-- saved page -->\n<!doctype HTML><p>Hi</p>",
        "<html lang=en><p>Hi</p>",
        "<div><p>One</p><p>Two <a href=x>three</a></p></div>",
    ],
)
def test_html_is_recognised_by_content(text):
    assert html.looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Use <b> for bold and <i> for italics, the tutorial says.",
        "a < b and c > d\n",
        "Kim arrived in Vladivostok.\n\n<html> is the root element of a page.",
    ],
)
def test_prose_that_mentions_tags_is_not_html(text):
    assert not html.looks_like_html(text)


def test_seeds_are_read_as_plain_text():
    for path in (webpages.RFERL, webpages.MOSCOW):
        assert load_document(str(path)).kind == "text"


def test_a_page_saved_as_txt_is_still_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(PAGES["rferl"], encoding="utf-8")
    doc = load_document(str(path))
    assert doc.kind == "html" and doc.title == webpages.RFERL_HEADLINE


def test_the_meta_charset_decides_the_decoding():
    body = page(
        "<p>Путин прибыл во Владивосток. Переговоры начнутся в четверг утром.</p>",
        '<meta charset="windows-1251">',
    )
    read = convert(body.encode("cp1251"), "ru.html")
    assert "Путин прибыл во Владивосток" in read.text and read.encoding == "windows-1251"
    assert not read.notes


def test_a_wrong_declared_charset_is_overruled_and_noted():
    # Declared UTF-8, written in Windows-1252.
    body = page(
        f"<p>Le pr\u00e9sident a d\u00e9clar\u00e9 que la r\u00e9union \u00e9tait un succ\u00e8s. {ARRIVAL}</p>",
        '<meta charset="utf-8">',
    )
    read = convert(body.encode("cp1252"), "fr.html")
    assert "Le président a déclaré" in read.text
    assert read.notes == ("declares utf-8, but reads as cp1252",)
    # Declared Latin-1, written in UTF-8: the common mislabelling, read as UTF-8.
    body = page(
        f"<p>Le pr\u00e9sident a d\u00e9clar\u00e9 que la r\u00e9union \u00e9tait un succ\u00e8s. {ARRIVAL}</p>",
        '<meta charset="iso-8859-1">',
    )
    assert "Le président a déclaré" in convert(body.encode(), "fr.html").text


def test_a_page_too_deep_for_the_parser_keeps_all_its_text_with_a_note():
    deep = "<div>" * 3000 + f"<p>{ARRIVAL}</p>" + "</div>" * 3000
    read = convert(f"<html><body><p>Putin waited.</p>{deep}</body></html>".encode(), "deep.html")
    assert read.text == f"Putin waited.\n\n{ARRIVAL}"
    assert read.notes == ("no article found in the page; all its text kept",)


def test_a_page_with_no_text_is_one_line_of_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    with pytest.raises(Exception, match="no text found in the page"):
        load_document(str(path))


PARAGRAPH = "<p>Officials said bridge {i} at Narva reopened after {w} weeks of repairs, and traffic resumed.</p>\n"
HOSTILE = {
    "script and handlers": page(
        f"<script>alert('x'); document.write('<b>evil</b>')</script><p onclick=\"alert(1)\" onmouseover='steal()'>{ARRIVAL}</p>"
        '<p><a href="javascript:alert(document.cookie)">Click here</a> for more on the summit.</p>'
        "<style>p { color: red }</style><p>\x1b[2J\x1b]52;c;ZXZpbA==\x07 [bold red]x[/]</p>"
    ),
    "one-megabyte attribute": page(f'<p title="{"x" * (1 << 20)}">{ARRIVAL}</p>'),
    "10,000 nested tags": "<html><body>"
    + "<div>" * 10_000
    + f"<p>{ARRIVAL}</p>"
    + "</div>" * 10_000
    + "</body></html>",
    "entity-expansion bomb": '<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY a "aaaaaaaaaa">\n'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9))
    + f"]>\n<html><body><article><p>&j; {ARRIVAL}</p></article></body></html>",
    "16 MB page": page("".join(PARAGRAPH.format(i=i, w=i % 97) for i in range(16_000_000 // 105))),
}
# Far above what any of these needs (the 16 MB page peaks near 1 GB with its comparison), far
# below what an exponential blow-up would take.
MEMORY_CAP = 3 << 30


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pages_give_clean_text_in_bounded_time_and_memory(tmp_path, name):
    path = tmp_path / "hostile.html"
    path.write_bytes(HOSTILE[name].encode("utf-8"))
    assert path.stat().st_size < 16 << 20

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    result = subprocess.run(
        [sys.executable, "-m", "tui", "entities", str(path), "--json"],
        capture_output=True,
        timeout=180,
        preexec_fn=cap,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    text = json.loads(result.stdout)["document"]["text"]
    assert ARRIVAL in text or "Officials said bridge 7 at Narva" in text
    for residue in ("<", "alert(", "steal()", "javascript:", "color: red", "xxxxxxxx", "&j;" * 2):
        assert residue not in text
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)
