"""Comparison: two Documents, their matches and entities; the one object views consume."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import orjson

from .align.aligner import DEFAULT_THRESHOLD, Aligner
from .align.discrepancies import Discrepancy, find_discrepancies, text_slots
from .align.units import Units
from .align.unmatched import Passage, only_one_side
from .entities.linking import link_entities
from .model import LEFT, Entity, Match
from .parallel import FORK_THRESHOLD, Background
from .text.document import Document, as_document

JSON_VERSION = 2


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
            _derived={"slots": self._derived.get("slots")},  # figures do not depend on matches
        )

    def doc(self, side: str) -> Document:
        return self.left if side == LEFT else self.right

    @property
    def discrepancies(self) -> tuple[Discrepancy, ...]:
        """Slots told with another value on each side of a match, found on first use."""
        if "discrepancies" not in self._derived:
            self._derived["discrepancies"] = find_discrepancies(
                self.left, self.right, self.matches, self.entities, self._slots()
            )
        return self._derived["discrepancies"]

    def _slots(self):
        """The figures of both texts (matches aside), read once: `compare` may have a second core
        read them (then `_derived["slots"]` is a callable that waits for it)."""
        slots = self._derived.get("slots")
        if callable(slots):
            slots = self._derived["slots"] = slots()
        if slots is None:
            slots = self._derived["slots"] = text_slots(self.left, self.right)
        return slots

    def only_here(self, side: str) -> tuple[Passage, ...]:
        """Passages of `side` that no match covers (boilerplate never counts)."""
        if side not in self._derived:
            self._derived[side] = only_one_side(self.doc(side), self.matches, side)
        return self._derived[side]

    def to_dict(self) -> dict:
        """The JSON document (version 2) as Python values: exactly what `to_json` writes."""
        return orjson.loads(self.json_bytes())

    def to_json(self) -> str:
        """The JSON document (version 2), compact."""
        return self.json_bytes().decode("utf-8")

    def json_bytes(self) -> bytes:
        """`to_json` as UTF-8, as it is written: a book's JSON is tens of MB, not worth a copy as
        text and another back."""
        work = None
        if "discrepancies" not in self._derived:
            # On long texts a second core finds the disagreements while this one writes the rest.
            found = (self.left, self.right, self.matches, self.entities, self._slots())
            work = Background(
                [(find_discrepancies, found)],
                fork=len(self.left.text) + len(self.right.text) > FORK_THRESHOLD,
            )
        documents = [document_json(self.left), document_json(self.right)]
        matches = orjson.Fragment(orjson.dumps([m.json_fields() for m in self.matches]))
        entities = orjson.Fragment(orjson.dumps([e.json_fields() for e in self.entities]))
        if work is not None:
            self._derived["discrepancies"] = work.result(0)
        return orjson.dumps(
            {
                "version": JSON_VERSION,
                "threshold": self.threshold,
                "documents": documents,
                "matches": matches,
                "discrepancies": [d.to_dict() for d in self.discrepancies],
                "entities": entities,
            }
        )


def dump(value) -> str:
    """JSON text of `value`; spans (dataclasses) are written as {"start", "end"} by orjson itself,
    which on a book saves building a dict for each of a million spans."""
    return orjson.dumps(value).decode("utf-8")


def document_json(doc: Document, sentences: bool = True) -> dict:
    """A document's part of the JSON: where it came from, what it is, its text and sentences."""
    source = doc.source if doc.source is not None else doc.name
    out: dict = {"source": _printable(source), "kind": doc.kind}
    out["title"] = doc.title
    for key in ("site", "date", "author"):
        if (value := getattr(doc, key)) is not None:
            out[key] = value
    out["encoding"] = doc.encoding
    out["text"] = doc.text
    out["length"] = len(doc.text)
    if sentences:
        out["sentences"] = [
            {"start": s.start, "end": s.end, "boilerplate": s.boilerplate} for s in doc.sentences
        ]
    return out


def _printable(name: str) -> str:
    """A file name with its undecodable bytes (held as lone surrogates) written as \\xNN, which
    JSON text in UTF-8 can carry."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for (given to the API)
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "backslashreplace")


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
    # then links entities and reads the figures (for disagreements) while this one aligns.
    work = Background(
        [(Units, (left,)), (link_entities, (left, right)), (text_slots, (left, right))],
        fork=len(left.text) + len(right.text) > FORK_THRESHOLD,
    )
    aligner = Aligner(left, right, progress=progress, left_units=lambda: work.result(0))
    matches = tuple(aligner.matches(threshold))
    entities = tuple(work.result(1))
    derived = {"slots": lambda: work.result(2)}
    return Comparison(left, right, matches, entities, threshold, aligner=aligner, _derived=derived)
