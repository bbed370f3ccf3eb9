"""What the status line says, as data: one value built from the view state, drawn by the status
widget (full or compact). New fields (a match's evidence, say) are added here and drawn there."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...core.model import LEFT, RIGHT, SIDES
from ...core.text.document import Document
from .chosen_entity import ChosenEntity
from .search import Search
from .selection import Selection, counterpart_position, counterparts

if TYPE_CHECKING:
    from .index import ComparisonIndex


@dataclass(frozen=True, slots=True)
class SearchStatus:
    query: str
    current: int | None  # 1-based number of the current hit in reading order
    hits: tuple[int, int]  # on the left, on the right


@dataclass(frozen=True, slots=True)
class EntityStatus:
    label: str
    mentions: dict[str, tuple[int, int]]  # per side (current mention 0-based or -1, mentions)


@dataclass(frozen=True, slots=True)
class StatusFields:
    """Everything the status line shows, most important first."""

    side: str
    matches: int | None  # None until the first alignment arrives
    position: int | None  # the selected match's place in `side`'s reading order
    counterpart: tuple[int, int] | None  # (shown, of) when the passage has several counterparts
    score: float | None
    evidence: tuple[str, ...]  # why the selected match was paired: its strongest shared passages
    sentence: int | None  # the cursor's sentence, counted as the title counts (no boilerplate)
    sentences: int
    boilerplate: bool  # the cursor is on a boilerplate line (which the counts leave out)
    search: SearchStatus | None
    entity: EntityStatus | None
    threshold: float | None
    aligning: bool
    link: bool


class SentenceNumbers:
    """Sentence numbers as the titles count them: boilerplate left out."""

    __slots__ = ("_content",)

    def __init__(self, doc: Document) -> None:
        self._content = [s.index for s in doc.sentences if not s.boilerplate]

    def __len__(self) -> int:
        return len(self._content)

    def number(self, index: int) -> int | None:
        """1-based number of sentence `index` among the content sentences; None for boilerplate."""
        i = bisect_left(self._content, index)
        return i + 1 if i < len(self._content) and self._content[i] == index else None


def numbers(docs: dict[str, Document]) -> dict[str, SentenceNumbers]:
    return {side: SentenceNumbers(docs[side]) for side in SIDES}


def status_fields(
    *,
    side: str,
    index: ComparisonIndex | None,
    selection: Selection,
    search: Search | None,
    chosen: ChosenEntity | None,
    numbers: SentenceNumbers,
    threshold: float | None,
    aligning: bool,
    link: bool,
) -> StatusFields:
    """The status line's fields for the pane `side` the keys act on."""
    pairs = counterparts(selection, index) if selection.match is not None else []
    shown = counterpart_position(selection, pairs)
    cursor = selection.cursor(side)
    number = numbers.number(cursor) if cursor is not None else None
    return StatusFields(
        side=side,
        matches=None if index is None else len(index),
        position=None if index is None else index.navigator.position(side, selection.match),
        counterpart=(shown, len(pairs)) if shown is not None and len(pairs) > 1 else None,
        score=selection.match.score if selection.match is not None else None,
        evidence=selection.match.evidence if selection.match is not None else (),
        sentence=number,
        sentences=len(numbers),
        boilerplate=cursor is not None and number is None,
        search=None
        if search is None
        else SearchStatus(
            search.query,
            None if search.current is None else search.current + 1,
            (search.total(LEFT), search.total(RIGHT)),
        ),
        entity=None if chosen is None else EntityStatus(chosen.entity.label, chosen.counts()),
        threshold=threshold,
        aligning=aligning,
        link=link,
    )
