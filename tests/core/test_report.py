"""The HTML report: self-contained, every match marked on both sides, hostile text inert."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tui.core import LEFT, RIGHT, compare, load_document
from tui.core.report import render_report

ROOT = Path(__file__).resolve().parents[2]
PAIR = ROOT / "tests" / "data" / "disagreements"


class Page(HTMLParser):
    """Tags, attributes and, per pane, the text inside each element carrying data-match."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[tuple[str, dict]] = []
        self.pane: str | None = None
        self.text = {LEFT: [], RIGHT: []}  # all text of each pane's document
        self.matched = {LEFT: {}, RIGHT: {}}  # id -> text inside elements with that data-match
        self.marked = {LEFT: [], RIGHT: []}  # text inside <mark class=d>
        self.script = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section" and attrs.get("id") in (LEFT, RIGHT):
            self.pane = attrs["id"]
        if tag not in ("meta",):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, attrs = self.stack.pop()
            if open_tag == "section" and attrs.get("id") in (LEFT, RIGHT):
                self.pane = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.script.append(data)
        if self.pane is None or not any(a.get("class") == "doc" for _, a in self.stack):
            return
        self.text[self.pane].append(data)
        for _, attrs in self.stack:
            if "data-match" in attrs:
                ids = self.matched[self.pane]
                ids[int(attrs["data-match"])] = ids.get(int(attrs["data-match"]), "") + data
        if any(tag == "mark" for tag, _ in self.stack):
            self.marked[self.pane].append(data)


@pytest.fixture(scope="module")
def pair():
    cmp = compare(load_document(str(PAIR / "left.txt")), load_document(str(PAIR / "right.txt")))
    return cmp, Page(render_report(cmp))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_every_match_is_marked_on_both_sides_with_its_passages(pair):
    cmp, page = pair
    for side in (LEFT, RIGHT):
        assert set(page.matched[side]) == {m.id for m in cmp.matches}
        for match in cmp.matches:
            told = squeeze(" ".join(cmp.doc(side).slice(s) for s in match.spans(side)))
            assert squeeze(page.matched[side][match.id]) == told


def test_each_marked_passage_says_why_it_was_paired(pair):
    """Hovering a fact (or selecting it, which copies the line to the header) shows its number,
    score and evidence, as the reader's status line does."""
    cmp, page = pair
    # The left pane's marks carry the line (the script lends it to the right ones on hover).
    spans = {
        int(a["data-match"]): a["title"]
        for tag, a in page.tags
        if "title" in a and "data-match" in a
    }
    assert set(spans) == {m.id for m in cmp.matches}
    assert "mouseover" in "".join(page.script)
    for match in cmp.matches:
        assert spans[match.id].startswith(f"fact {match.id} · score {match.score:.2f}")
        for evidence in match.evidence:
            assert f"“{evidence}”" in spans[match.id]
    assert any(m.evidence for m in cmp.matches)
    assert ("p", {"class": "why", "id": "why", "aria-live": "polite"}) in page.tags


def test_each_pane_holds_its_whole_text(pair):
    cmp, page = pair
    for side in (LEFT, RIGHT):
        assert squeeze("".join(page.text[side])) == squeeze(cmp.doc(side).text)


def test_disagreements_are_marked_on_both_sides_and_listed(pair):
    cmp, page = pair
    assert cmp.discrepancies
    for side in (LEFT, RIGHT):
        values = [cmp.doc(side).slice(d.span(side)) for d in cmp.discrepancies]
        assert sorted(page.marked[side]) == sorted(values)
    rows = [a for tag, a in page.tags if tag == "a" and "data-go" in a]
    assert [int(a["data-go"]) for a in rows] == [d.match for d in cmp.discrepancies]


def test_only_one_side_passages_are_marked_with_a_sign_as_well_as_a_tint(pair):
    cmp, page = pair
    passages = [a for tag, a in page.tags if tag == "span" and "data-u" in a]
    starts = [a for tag, a in page.tags if tag == "span" and a.get("class") == "u0"]
    assert len({a["data-u"] for a in passages}) == len(cmp.only_here(LEFT)) + len(
        cmp.only_here(RIGHT)
    )
    assert len(starts) == len(cmp.only_here(LEFT)) + len(cmp.only_here(RIGHT)) + 1  # + legend


def test_the_summary_counts_what_the_comparison_holds(pair):
    cmp, _ = pair
    html = render_report(cmp)
    header = html[html.index("<header>") : html.index("</header>")]
    assert f"<b>{len(cmp.matches)}</b> matches" in header
    assert f"<b>{len(cmp.discrepancies)}</b>" in header
    only_left = sum(len(p.sentences) for p in cmp.only_here(LEFT))
    assert f"<b>{only_left} of {len(cmp.left.content_sentences)}</b> sentences" in header
    assert f"<b>{cmp.threshold:g}</b>" in header


HOSTILE = (
    "Officials met on Monday <script>alert('x')</script> in the capital to sign the deal. "
    'The minister said <img src=x onerror="alert(1)"> the talks went well & ended at noon.\n\n'
    "A crowd of <b>200</b> people waited outside the building for many hours.\n"
)


def test_hostile_text_stays_text_and_nothing_is_fetched():
    cmp = compare(HOSTILE, HOSTILE.replace("200", "300"))
    html = render_report(cmp)
    page = Page(html)
    assert [tag for tag, _ in page.tags if tag in ("img", "iframe", "object")] == []
    assert [tag for tag, _ in page.tags].count("script") == 1  # the report's own
    assert "alert" not in "".join(page.script)
    for side in (LEFT, RIGHT):
        text = "".join(page.text[side])
        assert "<script>alert('x')</script>" in text
        assert '<img src=x onerror="alert(1)">' in text and "<b>" in text
    titles = [a["title"] for _, a in page.tags if "title" in a and "data-match" in a]
    assert any("<b>" in t or "&" in t for t in titles)  # evidence text, kept as text
    for _, attrs in page.tags:
        assert not {"src", "onerror", "onload", "onclick"} & set(attrs)
        assert attrs.get("href", "#") == "#"
    assert "http" not in html.split("<main")[0].lower()  # no stylesheet, font or script fetched
    assert "@import" not in html and "url(" not in html
