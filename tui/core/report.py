"""The self-contained HTML report: a view of a Comparison, like the JSON.

One page, nothing fetched: inline CSS and a little script. Both texts side by side, every matched
passage tagged `data-match="ID"` (the JSON id) on both sides, only-one-side passages and
disagreements marked, the entity table, a summary on top. All article text is escaped.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from .comparison import Comparison
from .model import ENTITY_TYPES, LEFT, RIGHT, SIDES, Match, Span
from .report_style import SCRIPT, STYLE
from .text.document import Document

HUES = 6  # matches cycle through this many tints, the same on both sides


def render_report(cmp: Comparison) -> str:
    """The report of `cmp` as one HTML page."""
    left, right = cmp.left, cmp.right
    title = f"diptych: {left.title} / {right.title}"
    parts = [
        "<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n",
        '<meta name=viewport content="width=device-width, initial-scale=1">\n',
        '<meta name=color-scheme content="light dark">\n',
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        _summary(cmp),
        "<main class=panes>\n",
        *(_pane(cmp, side) for side in SIDES),
        "<aside>\n",
        _disagreements(cmp),
        _entities(cmp),
        "</aside>\n</main>\n",
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _summary(cmp: Comparison) -> str:
    rows = [
        ("shared facts", f"{len(cmp.matches):,}", "matches"),
        *(
            (
                f"only {side}",
                f"{_only_sentences(cmp, side):,} of {len(cmp.doc(side).content_sentences):,}",
                "sentences",
            )
            for side in SIDES
        ),
        ("disagreements", f"{len(cmp.discrepancies):,}", ""),
        ("threshold", f"{cmp.threshold:g}", ""),
    ]
    cells = "".join(
        f"<div><dt>{name}</dt><dd><b>{value}</b> {unit}</dd></div>" for name, value, unit in rows
    )
    return (
        "<header>\n<h1>"
        f"{escape(cmp.left.title)} <span class=vs>/</span> {escape(cmp.right.title)}</h1>\n"
        f"<dl class=summary>{cells}</dl>\n"
        "<p class=legend><span class='m h0'>shared fact</span> "
        "<span class=u><span class=u0></span>only on this side</span> "
        "<mark class=d>disagreement</mark> <span class=b>boilerplate</span> "
        "· click a passage to bring its counterpart into view; "
        "<kbd>n</kbd> / <kbd>p</kbd> step through the facts</p>\n"
        "<p class=why id=why aria-live=polite></p>\n</header>\n"
    )


def _only_sentences(cmp: Comparison, side: str) -> int:
    return sum(len(p.sentences) for p in cmp.only_here(side))


def _pane(cmp: Comparison, side: str) -> str:
    doc = cmp.doc(side)
    label = doc.source or doc.name
    head = (
        f"<section class=pane id={side} aria-label='{side} text'>\n"
        f"<h2>{escape(doc.title)}</h2>\n<p class=source>{escape(label)} · "
        f"{_only_sentences(cmp, side):,} of {len(doc.content_sentences):,} sentences only here"
        "</p>\n<div class=doc>\n"
    )
    return head + "".join(_body(cmp, side)) + "</div>\n</section>\n"


# What a stretch of text can be inside, innermost last: the order tags open in.
_BOILER, _ONLY, _MATCH, _DIFF = range(4)


def _body(cmp: Comparison, side: str):
    """The text of one side as paragraphs of tagged stretches: one sweep over the offsets where
    some mark starts or ends."""
    doc = cmp.doc(side)
    text = doc.text
    events: list[tuple[int, int, int, int]] = []  # (offset, +1 open / -1 close, layer, key)

    def add(start: int, end: int, layer: int, key: int) -> None:
        if start < end:
            events.append((start, 1, layer, key))
            events.append((end, -1, layer, key))

    for sentence in doc.sentences:
        if sentence.boilerplate:
            add(sentence.start, sentence.end, _BOILER, sentence.index)
    for number, passage in enumerate(cmp.only_here(side)):
        add(passage.span.start, passage.span.end, _ONLY, number)
    for match in cmp.matches:
        for span in match.spans(side):
            add(span.start, span.end, _MATCH, match.id)
    for number, discrepancy in enumerate(cmp.discrepancies):
        span = discrepancy.span(side)
        add(span.start, span.end, _DIFF, number)
    other = RIGHT if side == LEFT else LEFT
    titles = {
        (_DIFF, n): escape(f"{d.kind}: the {other} text says {cmp.doc(other).slice(d.span(other))}")
        for n, d in enumerate(cmp.discrepancies)
    }
    if side == LEFT:
        titles.update(((_MATCH, m.id), escape(_why(m))) for m in cmp.matches)
    events.sort()
    active: list[Counter] = [Counter() for _ in range(4)]
    opened: list[tuple[int, int]] = []  # the open tags, outermost first, as (layer, key)
    started: set[int] = set()  # only-one-side passages whose marker is out
    e = 0
    for block in _blocks(doc):
        yield "<p>"
        at = block.start
        while at < block.end:
            while e < len(events) and events[e][0] <= at:
                _apply(active, events[e])
                e += 1
            stop = min(events[e][0], block.end) if e < len(events) else block.end
            wanted = _wanted(active)
            keep = 0
            while keep < min(len(opened), len(wanted)) and opened[keep] == wanted[keep]:
                keep += 1
            yield _close(opened[keep:])
            yield "".join(_open(tag, started, titles, side) for tag in wanted[keep:])
            opened = wanted
            yield escape(text[at:stop], quote=False)
            at = stop
        yield _close(opened) + "</p>\n"
        opened = []


def _apply(active: list[Counter], event: tuple[int, int, int, int]) -> None:
    _, change, layer, key = event
    counts = active[layer]
    counts[key] += change
    if counts[key] <= 0:
        del counts[key]


def _wanted(active: list[Counter]) -> list[tuple[int, int]]:
    return [(layer, key) for layer in range(4) for key in sorted(active[layer])]


def _why(match: Match) -> str:
    """Why two passages were paired, in a line: the fact's number, its score and its evidence."""
    shared = ", ".join(f"“{e}”" for e in match.evidence)
    return f"fact {match.id} · score {match.score:.2f}" + (f" · shared {shared}" if shared else "")


def _open(
    tag: tuple[int, int], started: set[int], titles: dict[tuple[int, int], str], side: str
) -> str:
    layer, key = tag
    if layer == _MATCH:
        # The left pane carries the line; the page's script lends it to the right on hover.
        title = f' title="{titles[tag]}"' if side == LEFT else ""
        return f'<span class="m h{key % HUES}" data-match="{key}"{title}>'
    if layer == _DIFF:
        return f'<mark class=d data-d={key} title="{titles[tag]}">'
    if layer == _ONLY:
        first = "" if key in started else "<span class=u0></span>"
        started.add(key)
        return f"<span class=u data-u={side[0]}{key}>{first}"
    return "<span class=b>"


def _close(tags: list[tuple[int, int]]) -> str:
    return "".join("</mark>" if layer == _DIFF else "</span>" for layer, _ in reversed(tags))


def _blocks(doc: Document):
    """The paragraphs, with any text between them that is not blank as a block of its own."""
    at = 0
    for para in doc.paragraphs:
        if doc.text[at : para.start].strip():
            yield Span(at, para.start)
        yield para
        at = para.end
    if doc.text[at:].strip():
        yield Span(at, len(doc.text))


def _disagreements(cmp: Comparison) -> str:
    if not cmp.discrepancies:
        return "<section id=disagreements><h2>Disagreements</h2><p>None found.</p></section>\n"
    rows = "".join(
        f"<tr><td><a href='#' data-go={d.match}>fact {d.match}</a></td><td>{d.kind}</td>"
        f"<td>{escape(cmp.left.slice(d.left))}</td><td>{escape(cmp.right.slice(d.right))}</td></tr>"
        for d in cmp.discrepancies
    )
    return (
        f"<section id=disagreements><h2>Disagreements ({len(cmp.discrepancies):,})</h2>\n"
        "<table><thead><tr><th>fact</th><th>kind</th><th>left says</th><th>right says</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></section>\n"
    )


def _entities(cmp: Comparison) -> str:
    where = {"both": "both", LEFT: "left only", RIGHT: "right only", "none": "neither"}
    rank = {kind: n for n, kind in enumerate(ENTITY_TYPES)}
    ordered = sorted(
        cmp.entities,
        key=lambda e: (rank.get(e.type, len(rank)), -len(e.on(LEFT)) - len(e.on(RIGHT)), e.label),
    )
    rows = "".join(
        f"<tr class='w-{e.where}'><td>{escape(e.label)}</td><td>{escape(e.type)}</td>"
        f"<td>{where.get(e.where, e.where)}</td><td class=n>{len(e.on(LEFT))}</td>"
        f"<td class=n>{len(e.on(RIGHT))}</td></tr>"
        for e in ordered
    )
    return (
        f"<section id=entities><h2>Entities ({len(cmp.entities):,})</h2>\n"
        "<table><thead><tr><th>entity</th><th>type</th><th>sides</th><th>left</th>"
        f"<th>right</th></tr></thead><tbody>{rows}</tbody></table></section>\n"
    )
