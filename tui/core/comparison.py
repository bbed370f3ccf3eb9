"""Comparison: two Documents, their matches and entities; the one object views consume."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from .align import DEFAULT_THRESHOLD, Aligner
from .document import Document, as_document
from .entities import link_entities
from .parallel import FORK_THRESHOLD, Deferred
from .model import LEFT, RIGHT, Entity, Match

JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Comparison:
    left: Document
    right: Document
    matches: tuple[Match, ...]
    entities: tuple[Entity, ...]
    threshold: float
    _by_sentence: dict = field(default_factory=dict, repr=False, compare=False)
    aligner: Aligner | None = field(default=None, repr=False, compare=False)

    def with_threshold(self, threshold: float) -> Comparison:
        """The same comparison at another threshold: re-selects from the cached scores, no re-reading."""
        aligner = self.aligner or Aligner(self.left, self.right)
        return replace(self, matches=tuple(aligner.matches(threshold)), threshold=threshold,
                       _by_sentence={}, aligner=aligner)

    def doc(self, side: str) -> Document:
        return self.left if side == LEFT else self.right

    def matches_for_sentence(self, side: str, index: int) -> list[Match]:
        """Matches that include sentence `index` of `side`."""
        if not self._by_sentence:
            table: dict = {}
            for match in self.matches:
                for s in (LEFT, RIGHT):
                    for i in match.sentences(s):
                        table.setdefault((s, i), []).append(match)
            self._by_sentence.update(table or {None: []})
        return self._by_sentence.get((side, index), [])

    def shared_sentences(self, side: str) -> int:
        """How many non-boilerplate sentences of `side` take part in some match."""
        return len({i for m in self.matches for i in m.sentences(side)})

    def to_dict(self) -> dict:
        return {
            "version": JSON_VERSION,
            "threshold": self.threshold,
            "documents": [document_dict(self.left), document_dict(self.right)],
            "matches": [m.to_dict() for m in self.matches],
            "entities": [e.to_dict() for e in self.entities],
        }


def document_dict(doc: Document) -> dict:
    return {
        "path": doc.path if doc.path is not None else doc.name,
        "title": doc.title,
        "encoding": doc.encoding,
        "length": len(doc.text),
        "sentences": [
            {"start": s.start, "end": s.end, "boilerplate": s.boilerplate} for s in doc.sentences
        ],
    }


def compare(
    left: Document | str,
    right: Document | str,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Callable[[float], None] | None = None,
) -> Comparison:
    """Align two texts (Documents or strings) and link their entities."""
    left = as_document(left, "left")
    right = as_document(right, "right")
    # Entities and alignment are independent: on long texts the second core links entities meanwhile.
    entities = Deferred(link_entities, left, right, fork=len(left.text) + len(right.text) > FORK_THRESHOLD)
    aligner = Aligner(left, right, progress=progress)
    entities = entities.result()
    return Comparison(left, right, tuple(aligner.matches(threshold)), tuple(entities), threshold, aligner=aligner)
