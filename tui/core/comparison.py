"""Comparison: two Documents, their matches and entities; the one object views consume."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .align.aligner import DEFAULT_THRESHOLD, Aligner
from .align.discrepancies import Discrepancy, find_discrepancies
from .align.units import Units
from .align.unmatched import Passage, only_one_side
from .entities.linking import link_entities
from .model import LEFT, Entity, Match
from .parallel import FORK_THRESHOLD, Background
from .text.document import Document, as_document

JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two documents, the matches between them at `threshold` (always a tuple of Match) and the
    entities of both; `aligner` keeps the scores so another threshold needs no new alignment."""

    left: Document
    right: Document
    matches: tuple[Match, ...]
    entities: tuple[Entity, ...]
    threshold: float
    aligner: Aligner | None = field(default=None, repr=False, compare=False)
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def with_threshold(self, threshold: float) -> Comparison:
        """The same comparison at another threshold: re-selects from the cached scores, no
        re-reading."""
        aligner = self.aligner or Aligner(self.left, self.right)
        return replace(
            self,
            matches=tuple(aligner.matches(threshold)),
            threshold=threshold,
            aligner=aligner,
            _derived={},
        )

    def doc(self, side: str) -> Document:
        return self.left if side == LEFT else self.right

    @property
    def discrepancies(self) -> tuple[Discrepancy, ...]:
        """Slots told with another value on each side of a match, found on first use."""
        if "discrepancies" not in self._derived:
            self._derived["discrepancies"] = find_discrepancies(
                self.left, self.right, self.matches, self.entities
            )
        return self._derived["discrepancies"]

    def only_here(self, side: str) -> tuple[Passage, ...]:
        """Passages of `side` that no match covers (boilerplate never counts)."""
        if side not in self._derived:
            self._derived[side] = only_one_side(self.doc(side), self.matches, side)
        return self._derived[side]

    def to_dict(self) -> dict:
        return {
            "version": JSON_VERSION,
            "threshold": self.threshold,
            "documents": [document_dict(self.left), document_dict(self.right)],
            "matches": [m.to_dict() for m in self.matches],
            "discrepancies": [d.to_dict() for d in self.discrepancies],
            "entities": [e.to_dict() for e in self.entities],
        }

    def to_json(self) -> str:
        """`to_dict()` as compact JSON, written directly: on a book, building the dicts costs
        seconds."""
        docs = ",".join(_document_json(d) for d in (self.left, self.right))
        matches = ",".join(map(_match_json, self.matches))
        entities = ",".join(map(_entity_json, self.entities))
        discrepancies = _dumps([d.to_dict() for d in self.discrepancies])
        return (
            f'{{"version":{JSON_VERSION},"threshold":{json.dumps(self.threshold)},"documents":[{docs}],'
            f'"matches":[{matches}],"discrepancies":{discrepancies},"entities":[{entities}]}}'
        )


def document_dict(doc: Document, sentences: bool = True) -> dict:
    out = {
        "path": doc.path if doc.path is not None else doc.name,
        "title": doc.title,
        "encoding": doc.encoding,
        "length": len(doc.text),
    }
    if sentences:
        out["sentences"] = [
            {"start": s.start, "end": s.end, "boilerplate": s.boilerplate} for s in doc.sentences
        ]
    return out


def _spans_json(spans) -> str:
    return ",".join([f'{{"start":{s.start},"end":{s.end}}}' for s in spans])


def _match_json(m: Match) -> str:
    return (
        f'{{"id":{m.id},"score":{round(m.score, 4)!r},"left":[{_spans_json(m.left)}],"right":[{_spans_json(m.right)}],'  # noqa: E501
        f'"shared":{{"left":[{_spans_json(m.shared_left)}],"right":[{_spans_json(m.shared_right)}]}}}}'
    )


def _entity_json(e: Entity) -> str:
    head = _dumps({"label": e.label, "type": e.type, "aliases": list(e.aliases)})[:-1]
    mentions = ",".join(
        f"{_dumps(side)}:[{_spans_json(spans)}]" for side, spans in e.mentions.items()
    )
    return f'{head},"mentions":{{{mentions}}}}}'


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _document_json(doc: Document) -> str:
    head = document_dict(doc, sentences=False)
    sentences = ",".join(
        [
            f'{{"start":{s.start},"end":{s.end},"boilerplate":{"true" if s.boilerplate else "false"}}}'  # noqa: E501
            for s in doc.sentences
        ]
    )
    return _dumps(head)[:-1] + f',"sentences":[{sentences}]}}'


def compare(
    left: Document | str,
    right: Document | str,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Callable[[float], None] | None = None,
) -> Comparison:
    """Align two texts (Documents or strings) and link their entities."""
    left = as_document(left, "left")
    right = as_document(right, "right")
    # On long texts a second core prepares the left text's units while this one does the right's,
    # then links entities while this one aligns.
    work = Background(
        [(Units, (left,)), (link_entities, (left, right))],
        fork=len(left.text) + len(right.text) > FORK_THRESHOLD,
    )
    aligner = Aligner(left, right, progress=progress, left_units=lambda: work.result(0))
    matches = tuple(aligner.matches(threshold))
    return Comparison(left, right, matches, tuple(work.result(1)), threshold, aligner=aligner)
