"""What the status line says, as data: one value built from the view state, drawn by the status
widget (full or compact). New fields (a match's evidence, say) are added here and drawn there."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ...core.model import SIDES
from ...core.text.document import Document


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
