"""What only one side says: runs of content sentences that no match covers."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..model import Match, Span
from ..text.document import Document


@dataclass(frozen=True, slots=True)
class Passage:
    """Consecutive content sentences of one paragraph on one side, none of them matched."""

    side: str
    sentences: tuple[int, ...]
    span: Span

    def to_dict(self) -> dict:
        return {"start": self.span.start, "end": self.span.end, "sentences": len(self.sentences)}


def only_one_side(doc: Document, matches: Iterable[Match], side: str) -> tuple[Passage, ...]:
    """The passages of `side` that no match covers; boilerplate never counts."""
    return passages(doc, {i for match in matches for i in match.sentences(side)}, side)


def passages(doc: Document, matched: Collection[int], side: str) -> tuple[Passage, ...]:
    """The passages of `side` made of content sentences not in `matched` (sentence indices)."""
    out: list[Passage] = []
    run: list[int] = []
    for sentence in doc.sentences:
        alone = not sentence.boilerplate and sentence.index not in matched
        if run and (not alone or doc.sentences[run[-1]].paragraph != sentence.paragraph):
            out.append(_passage(doc, side, run))
            run = []
        if alone:
            run.append(sentence.index)
    if run:
        out.append(_passage(doc, side, run))
    return tuple(out)


def _passage(doc: Document, side: str, run: list[int]) -> Passage:
    return Passage(side, tuple(run), Span(doc.sentences[run[0]].start, doc.sentences[run[-1]].end))
