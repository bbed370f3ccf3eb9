"""Value objects shared by every stage of the analysis: spans, sentences, matches, entities."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

LEFT = "left"
RIGHT = "right"
SIDES = (LEFT, RIGHT)


def other(side: str) -> str:
    """The side facing `side`."""
    return RIGHT if side == LEFT else LEFT


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A [start, end) range of code points in a document's decoded text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __reduce__(self):
        # Books send ~10^5 spans between processes; the dataclass default unpickles 3x slower.
        return Span, (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or headline, caption, menu line) of a document."""

    index: int
    start: int
    end: int
    paragraph: int
    boilerplate: bool = False

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def __reduce__(self):
        return Sentence, (self.index, self.start, self.end, self.paragraph, self.boilerplate)


@dataclass(frozen=True, slots=True)
class Match:
    """Passages of the two texts that report the same fact."""

    id: int
    left: tuple[Span, ...]
    right: tuple[Span, ...]
    score: float
    shared_left: tuple[Span, ...] = ()
    shared_right: tuple[Span, ...] = ()
    left_sentences: tuple[int, ...] = ()
    right_sentences: tuple[int, ...] = ()
    evidence: tuple[str, ...] = ()  # the strongest shared passages: numbers, then longest phrases

    def __reduce__(self):
        return Match, (
            self.id,
            self.left,
            self.right,
            self.score,
            self.shared_left,
            self.shared_right,
            self.left_sentences,
            self.right_sentences,
            self.evidence,
        )

    def renumbered(self, id: int) -> Match:
        return replace(self, id=id)

    def spans(self, side: str) -> tuple[Span, ...]:
        return self.left if side == LEFT else self.right

    def shared(self, side: str) -> tuple[Span, ...]:
        return self.shared_left if side == LEFT else self.shared_right

    def sentences(self, side: str) -> tuple[int, ...]:
        return self.left_sentences if side == LEFT else self.right_sentences

    def json_fields(self) -> dict:
        """This match's part of the JSON; spans are left to the writer (see comparison.dump)."""
        return {
            "id": self.id,
            "score": round(self.score, 4),
            "left": self.left,
            "right": self.right,
            "shared": {"left": self.shared_left, "right": self.shared_right},
            "evidence": list(self.evidence),
        }


# OTHER holds names whose kind the evidence leaves open, or that are none of the three (events,
# works, products, nationalities): a reader trusts an honest "other" more than a wrong "person".
ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "OTHER", "DATE", "NUMBER")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing with its mentions; `mentions` maps a side ("left"/"right") to spans."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def __reduce__(self):
        return Entity, (self.label, self.type, self.aliases, self.mentions)

    def on(self, side: str) -> tuple[Span, ...]:
        return self.mentions.get(side, ())

    @property
    def where(self) -> str:
        """'both', 'left' or 'right'."""
        sides = [s for s in SIDES if self.mentions.get(s)]
        return "both" if len(sides) == 2 else (sides[0] if sides else "none")

    def json_fields(self) -> dict:
        """This entity's part of the JSON; spans are left to the writer (see comparison.dump)."""
        return {
            "label": self.label,
            "type": self.type,
            "aliases": self.aliases,
            "mentions": self.mentions,
        }
