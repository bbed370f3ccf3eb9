"""The pane titles and the status line, as Content built from plain values (never markup); below
100 columns the status line takes a compact form, most important first."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...core.model import LEFT, RIGHT, SIDES
from ...core.text.controls import printable
from ..model.status import StatusFields
from ..model.threshold import label

COMPACT_BELOW = 100
EVIDENCE_ROOM = 28
MIN_EVIDENCE = 8  # a compact line names its first evidence only with this much room for it


def title_content(side: str, title: str, counted: tuple[int, int, int] | None) -> Content:
    """'LEFT 14 of 43 sentences shared, 29 only here  Title' (shared, all, only on this side);
    the figures first so a narrow pane cuts the title."""
    shared = (
        "aligning…"
        if counted is None
        else f"{counted[0]} of {counted[1]} sentences shared, {counted[2]} only here"
    )
    return Content.assemble(
        (f"{side.upper()} ", "bold"), (shared, "$text-muted"), "  ", (printable(title), "bold")
    )


def _short(text: str, room: int) -> str:
    text = printable(text)
    return text if len(text) <= room else text[: room - 1] + "…"


def status_content(fields: StatusFields, compact: bool = False, room: int = 0) -> Content:
    """Where you are: match, counterpart, score, passage, search, entity, threshold, scroll link.
    The compact form names the first piece of evidence only where `room` (the line's width) leaves
    space for it beside the rest, cut short to fit."""
    line = _status(fields, compact, 0)
    spare = room - len(line.plain) - len(" for “”")
    if compact and fields.evidence and fields.score is not None and spare >= MIN_EVIDENCE:
        return _status(fields, compact, spare)
    return line


def _status(fields: StatusFields, compact: bool, evidence_room: int) -> Content:
    f = fields
    parts: list[Content] = []
    if f.matches is None:
        parts.append(Content("aligning…"))
    elif f.position is not None:
        parts.append(Content(f"match {f.position}/{f.matches}"))
    else:
        parts.append(Content(f"{f.matches} matches"))
    if f.counterpart is not None:
        parts.append(Content(f"counterpart {f.counterpart[0]}/{f.counterpart[1]}"))
    if f.score is not None:
        score = Content(f"score {f.score:.2f}")
        if f.evidence and not compact:
            # Why the pair was made, in the texts' own words; two at most, each kept short.
            quoted = ", ".join(f"“{_short(e, EVIDENCE_ROOM)}”" for e in f.evidence[:2])
            score = Content.assemble(score, " for ", (quoted, "italic"))
        elif f.evidence and evidence_room:
            quoted = f"“{_short(f.evidence[0], evidence_room)}”"
            score = Content.assemble(score, " for ", (quoted, "italic"))
        parts.append(score)
    where = f.side if not compact else f.side[0].upper()
    if f.boilerplate:
        parts.append(Content(f"{where} boilerplate"))
    elif f.sentence is not None:
        noun = " sentence" if not compact else ""
        parts.append(Content(f"{where}{noun} {f.sentence}/{f.sentences}"))
    else:
        parts.append(Content(f"{where} pane" if not compact else where))
    if f.search is not None:
        s = f.search
        query = printable(s.query) if not compact else _short(s.query, 16)
        where_hit = f"{s.current}/{sum(s.hits)}" if s.current is not None else f"{sum(s.hits)}"
        tail = f" ({s.hits[0]} left, {s.hits[1]} right)" if not compact else ""
        parts.append(Content.assemble("“", (query, "bold"), f"” {where_hit}{tail}"))
    if f.entity is not None:
        name = printable(f.entity.label) if not compact else _short(f.entity.label, 16)
        counts = " ".join(
            f"{i + 1}/{n} {s}" if i >= 0 else f"{n} {s}"
            for s in SIDES
            for i, n in [f.entity.mentions[s]]
            if n
        )
        if compact:
            counts = counts.replace(f" {LEFT}", "L").replace(f" {RIGHT}", "R")
        parts.append(Content.assemble((name, "bold"), " " + counts))
    if f.threshold is not None:
        shown = label(f.threshold)
        parts.append(Content(f"threshold {shown}" if not compact else f"t {shown}"))
    if f.aligning and f.matches is not None:
        parts.append(Content("aligning…"))
    parts.append(Content("link on" if f.link else "link off"))
    return Content(" · ").join(parts)


class StatusLine(Static):
    """The status line: given StatusFields, drawn full or compact for its width."""

    DEFAULT_CSS = """
    StatusLine {
        width: 1fr;
        height: 1;
        padding: 0 1;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.fields: StatusFields | None = None

    def show(self, fields: StatusFields) -> None:
        self.fields = fields
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.fields is not None:
            compact = 0 < self.app.size.width < COMPACT_BELOW
            room = self.content_size.width
            self.update(status_content(self.fields, compact, room), layout=False)
