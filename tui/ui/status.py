"""The pane titles and the status line, as Content built from plain values (never markup)."""

from __future__ import annotations

from textual.content import Content

from ..core.model import SIDES
from .render import safe_text
from .state import other


def title_content(side: str, title: str, counted: tuple[int, int] | None) -> Content:
    """'LEFT 14 of 43 sentences shared  Title'; the figure first so a narrow pane cuts the title."""
    shared = "aligning…" if counted is None else f"{counted[0]} of {counted[1]} sentences shared"
    return Content.assemble(
        (f"{side.upper()} ", "bold"), (shared, "$text-muted"), "  ", (safe_text(title), "bold")
    )


def status_content(
    *,
    side: str,
    position: int | None,
    total: int,
    threshold: float,
    aligning: bool,
    sentence: tuple[int | None, int],
    search: tuple[str, int | None, int, int] | None,
    mentions: tuple[str, dict[str, tuple[int, int]]] | None,
    link: bool,
) -> Content:
    """Where you are: match n/N, threshold, passage, search hits, entity mentions, scroll link."""
    parts: list[Content] = [
        Content(f"match {position}/{total}" if position else f"{total} matches"),
        Content(f"threshold {threshold:.2f}" + (" aligning…" if aligning else "")),
    ]
    index, count = sentence
    parts.append(
        Content(f"{side} sentence {index + 1}/{count}" if index is not None else f"{side} pane")
    )
    if search is not None:
        query, current, here, there = search
        where = f"{current + 1}/{here}" if current is not None else f"{here}"
        parts.append(
            Content.assemble(
                "“", (safe_text(query), "bold"), f"” {where} {side}, {there} {other(side)}"
            )
        )
    if mentions is not None:
        label, per_side = mentions
        counts = " ".join(f"{i + 1}/{n} {s}" for s in SIDES for i, n in [per_side[s]] if n)
        parts.append(Content.assemble((safe_text(label), "bold"), " " + counts))
    parts.append(Content("link on" if link else "link off"))
    return Content(" · ").join(parts)
