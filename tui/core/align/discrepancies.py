"""Disagreements inside matches: the same slot (a figure, a date, a person in one role) given
another value on each side.

A pair of slots is reported only when the evidence is clear: figures that agree with some figure
on the other side are set aside first (the same value in other words: 5% / five percent); what is
left pairs only one to one (each side's slot has exactly one conflicting partner); the two slots
stand among shared words (a date of the telling is not the date of the event); and neither value
is told by the other text near the match (a fact split over two sentences is not a conflict).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import numpy as np
from rapidfuzz import fuzz

from ..data import lines
from ..model import LEFT, RIGHT, Entity, Match, Sentence, Span
from ..text.document import Document
from ..text.slots import Slot, find_slots, little_but_figures, relate, same_figure
from ..text.tokens import STOPWORDS, WORD, normalise
from .keysets import INT

CONTEXT_WORDS = 3  # words each side of a slot whose keys say what it is the figure of
NEARBY_SENTENCES = 2  # how far from a match the other text may tell a value for it not to conflict
SPELLING_ALIKE = 80  # rapidfuzz ratio from which two names are one name spelled two ways
DATELINE_SENTENCES = 12
AGE_WORDS = 6  # words each side of an age where the person's name is looked for
_HONORIFICS = frozenset("mr mrs ms miss dr sir madam mister".split())  # no role: anyone's
_AGE = re.compile(
    r"\s*-?\s*old\b"
)  # where a text's own date (whose year dates without one fall in) is told
_TITLES = frozenset(t.lower() for t in lines("titles.txt"))
_TITLE_WORDS = max(len(t.split()) for t in _TITLES)
_ROLE_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words right before a name with nothing but spaces between them ("deputy president, Jacob Zuma"
# gives no role: the comma parts them).
_ROLE_TAIL = re.compile(rf"(?:(?:{_ROLE_WORD.pattern})[ \t]+)+$")


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One slot told with another value on each side of a match; spans cover the two values."""

    match: int
    kind: str  # "number" | "date" | "money" | "percent" | "name"
    left: Span
    right: Span

    def span(self, side: str) -> Span:
        return self.left if side == LEFT else self.right

    def to_dict(self) -> dict:
        return {
            "match": self.match,
            "kind": self.kind,
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
        }


def text_slots(left: Document, right: Document) -> tuple[list[Slot], list[Slot]]:
    """The slots of both whole texts: what `find_discrepancies` reads, whatever the matches (so a
    second core can read them while the first aligns)."""
    return find_slots(left.text), find_slots(right.text)


def find_discrepancies(
    left: Document,
    right: Document,
    matches: Sequence[Match],
    entities: Sequence[Entity] = (),
    slots: tuple[list[Slot], list[Slot]] | None = None,
) -> tuple[Discrepancy, ...]:
    """Every clear disagreement inside `matches`, in match order; `slots` as from `text_slots`."""
    docs = {LEFT: left, RIGHT: right}
    year = _year(left) or _year(right)
    # Each text is read once; a match looks its slots and names up by offset.
    found = slots or text_slots(left, right)
    slots = {LEFT: _Located(found[0]), RIGHT: _Located(found[1])}
    names = {side: _Names(docs[side], entities, side) for side in docs}
    out: list[Discrepancy] = []
    seen: dict[str, dict[int, bool]] = {LEFT: {}, RIGHT: {}}  # datelines by sentence
    # Most matches of a book hold no figure on some side and no unshared person: found for all
    # matches at once, so that the loop reads only the others.
    spans = {side: _spans(matches, side) for side in docs}
    n = len(matches)
    figures = _holding(slots[LEFT], spans[LEFT], n) & _holding(slots[RIGHT], spans[RIGHT], n)
    strangers = _strangers(names, spans, n)
    for match, with_figures, with_strangers in zip(matches, figures.tolist(), strangers.tolist()):
        if with_figures:
            here = {side: slots[side].within(match.spans(side)) for side in docs}
            told = {
                side: [
                    s for s in here[side] if not _dateline(docs[side], slots[side], s, seen[side])
                ]
                for side in docs
            }
            for a, b in _conflicts(told[LEFT], told[RIGHT], year):
                if (
                    _same_context(left, a, right, b)
                    and _same_person(left, a, right, b)
                    and not _told_nearby(docs, slots, match, a, b, year)
                ):
                    out.append(Discrepancy(match.id, a.json_kind, _span(a), _span(b)))
        if with_strangers:
            out.extend(_name_conflicts(match, names))
    return tuple(out)


class _Located:
    """Things with `start` and `end` offsets, found by the spans that hold them."""

    def __init__(self, items: Iterable):
        self.items = sorted(items, key=attrgetter("start"))
        self.starts = [item.start for item in self.items]

    def within(self, spans: Iterable[Span]) -> list:
        out = []
        for span in spans:
            lo = bisect_left(self.starts, span.start)
            hi = bisect_left(self.starts, span.end, lo)
            out.extend(self.items[lo:hi])
        return out

    def ranges(self, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For many spans at once, the range [lo, hi) of the items each holds (as `within`
        finds them)."""
        starts = np.array(self.starts, INT)
        lo = np.searchsorted(starts, start)
        return lo, np.maximum(lo, np.searchsorted(starts, end))


_Spans = tuple[np.ndarray, np.ndarray, np.ndarray]  # the match's position, start, end
_START, _END = attrgetter("start"), attrgetter("end")


def _spans(matches: Sequence[Match], side: str) -> _Spans:
    """Every span of `side` of the matches, with the position of its match."""
    each = list(map(attrgetter(side), matches))  # Match.left, Match.right
    spans = list(chain.from_iterable(each))
    count = np.fromiter(map(len, each), INT, len(each))
    return (
        np.repeat(np.arange(len(each), dtype=INT), count),
        np.fromiter(map(_START, spans), INT, len(spans)),
        np.fromiter(map(_END, spans), INT, len(spans)),
    )


def _holding(located: _Located, spans: _Spans, n: int) -> np.ndarray:
    """Per match (of the `n` that `spans` come from), whether its spans hold any item."""
    owner, start, end = spans
    lo, hi = located.ranges(start, end)
    return np.bincount(owner, weights=hi - lo, minlength=n) > 0


def _strangers(names: dict[str, _Names], spans: dict[str, _Spans], n: int) -> np.ndarray:
    """Per match, whether each side names a person the other side does not: without one,
    `_name_conflicts` finds nothing."""
    people = 1 + max(int(located.person.max(initial=0)) for located in names.values())
    codes = {}  # match position * people + person, per mention inside a match
    for side, located in names.items():
        owner, start, end = spans[side]
        lo, hi = located.ranges(start, end)
        lengths = hi - lo
        offsets = np.cumsum(lengths) - lengths
        index = np.arange(int(lengths.sum()), dtype=INT) + np.repeat(lo - offsets, lengths)
        codes[side] = np.repeat(owner, lengths) * people + located.person[index]
    out = np.ones(n, bool)
    for side, mine in codes.items():
        alone = mine[~np.isin(mine, codes[_other(side)])]
        out &= np.bincount(alone // people, minlength=n) > 0
    return out


def _span(slot: Slot) -> Span:
    return Span(slot.start, slot.end)


def _conflicts(left: list[Slot], right: list[Slot], year: int | None) -> list[tuple[Slot, Slot]]:
    """Pairs left once agreements are set aside, each slot with exactly one conflicting partner:
    first between slots of one kind, then a weekday against a date among those still free."""
    relations = [[relate(a, b, year) for b in right] for a in left]
    free_left = {i for i, row in enumerate(relations) if "agree" not in row}
    free_right = {j for j in range(len(right)) if all(row[j] != "agree" for row in relations)}
    out = []
    for same_kind in (True, False):
        pairs = [
            (i, j)
            for i in free_left
            for j in free_right
            if relations[i][j] == "conflict"
            and (left[i].kind == right[j].kind) == same_kind
            and left[i].kind != "ordinal"  # "third goal" / "first goal": of what, is unclear
        ]
        for i, j in sorted(pairs):
            if sum(p[0] == i for p in pairs) == 1 and sum(p[1] == j for p in pairs) == 1:
                out.append((left[i], right[j]))
                free_left.discard(i)
                free_right.discard(j)
    return out


def _context(doc: Document, slot: Slot) -> set[str]:
    """Keys of the words around a slot, within its sentence."""
    sentence = doc.sentence_at(slot.start)
    lo, hi = (sentence.start, sentence.end) if sentence else (slot.start, slot.end)
    before = WORD.findall(doc.text, max(lo, slot.start - 80), slot.start)[-CONTEXT_WORDS:]
    after = WORD.findall(doc.text, slot.end, min(hi, slot.end + 80))[:CONTEXT_WORDS]
    keys = (normalise(w) for w in before + after)
    return {k for k in keys if k and k[0].isalpha()}


def _same_context(left: Document, a: Slot, right: Document, b: Slot) -> bool:
    return not _context(left, a).isdisjoint(_context(right, b))


def _dateline(doc: Document, slots: _Located, slot: Slot, seen: dict[int, bool]) -> bool:
    """Whether the slot's sentence is little but figures: a dateline or a timestamp ("Monday 10
    Jun 2013 10:45 am") tells when a text was written, not when its facts happened. `seen` keeps
    the answer by sentence (a book's sentences hold several figures, and several matches)."""
    sentence = doc.sentence_at(slot.start)
    if sentence is None:
        return False
    if sentence.index not in seen:
        seen[sentence.index] = _little_but_figures(doc, slots, sentence)
    return seen[sentence.index]


def _little_but_figures(doc: Document, slots: _Located, sentence: Sentence) -> bool:
    figures = slots.within([sentence.span])
    return little_but_figures(doc.text, sentence.start, sentence.end, figures)


def _same_person(left: Document, a: Slot, right: Document, b: Slot) -> bool:
    """Ages ("36-year-old") belong to a person: two ages conflict only beside one name."""
    ages = [_AGE.match(doc.text, slot.end) is not None for doc, slot in ((left, a), (right, b))]
    if not all(ages):
        return True
    return not _names_near(left, a).isdisjoint(_names_near(right, b))


def _names_near(doc: Document, slot: Slot) -> set[str]:
    sentence = doc.sentence_at(slot.start)
    lo, hi = (sentence.start, sentence.end) if sentence else (slot.start, slot.end)
    before = _ROLE_WORD.findall(doc.text, max(lo, slot.start - 80), slot.start)[-AGE_WORDS:]
    after = _ROLE_WORD.findall(doc.text, slot.end, min(hi, slot.end + 80))[:AGE_WORDS]
    return {w for w in before + after if w[0].isupper() and w.lower() not in STOPWORDS}


def _told_nearby(docs: dict[str, Document], slots, match: Match, a: Slot, b: Slot, year) -> bool:
    """Whether either value is also told by the other text close to the match (as the same
    figure of anything: "nine and sixteen seats respectively" / "16 and nine seats")."""
    for side, value in ((RIGHT, a), (LEFT, b)):
        nearby = slots[side].within(_nearby(docs[side], match, side))
        if any(
            relate(value, other, year) == "agree" or same_figure(value, other) for other in nearby
        ):
            return True
    return False


def _nearby(doc: Document, match: Match, side: str) -> list[Span]:
    """The content sentences of `side` within a few sentences of the match."""
    indices = match.sentences(side)
    if not indices:
        return list(match.spans(side))
    lo = max(0, min(indices) - NEARBY_SENTENCES)
    hi = min(len(doc.sentences), max(indices) + NEARBY_SENTENCES + 1)
    return [doc.sentences[i].span for i in range(lo, hi) if not doc.sentences[i].boilerplate]


def _year(doc: Document) -> int | None:
    """The year of the first full date near the top of a text (its dateline), if any."""
    for sentence in doc.sentences[:DATELINE_SENTENCES]:
        for slot in find_slots(doc.text, sentence.start, sentence.end):
            if slot.kind == "date" and None not in slot.value:  # type: ignore[operator]
                return slot.value[0]  # type: ignore[index]
    return None


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    person: int


class _Names(_Located):
    """The people one text names, by offset, each with the role words written before it."""

    def __init__(self, doc: Document, entities: Sequence[Entity], side: str):
        super().__init__(
            _Mention(span.start, span.end, index)
            for index, entity in enumerate(entities)
            if entity.type == "PERSON"
            for span in entity.on(side)
        )
        self.doc = doc
        self.person = np.array([m.person for m in self.items], INT)

    def role(self, start: int) -> str:
        """The title and its qualifiers just before a name ("russian foreign minister"), or ""."""
        text = self.doc.text
        line = text.rfind("\n", 0, start) + 1
        tail = _ROLE_TAIL.search(text, max(line, start - 60), start)
        words = _ROLE_WORD.findall(tail.group())[-(_TITLE_WORDS + 3) :] if tail else []
        lower = [w.lower() for w in words]
        for k in range(min(_TITLE_WORDS, len(words)), 0, -1):
            if " ".join(lower[-k:]) in _TITLES:
                break
        else:
            return ""
        if lower[-1].rstrip(".") in _HONORIFICS:
            return ""
        first = len(words) - k
        while first > 0 and words[first - 1][0].isupper() and lower[first - 1] not in STOPWORDS:
            first -= 1
        return " ".join(lower[first:])


def _name_conflicts(match: Match, names: dict[str, _Names]) -> list[Discrepancy]:
    """People in the same role on each side who are not the same person (nor named by the other
    text near the match)."""
    found = {side: names[side].within(match.spans(side)) for side in names}
    people = {side: {m.person for m in found[side]} for side in found}
    alone = {
        side: [m for m in found[side] if m.person not in people[_other(side)]] for side in found
    }
    if not alone[LEFT] or not alone[RIGHT]:
        return []
    roles: dict[str, dict[str, set[int]]] = {LEFT: {}, RIGHT: {}}
    first: dict[tuple[str, int], _Mention] = {}
    for side, mentions in alone.items():
        for mention in mentions:
            role = names[side].role(mention.start)
            if role:
                roles[side].setdefault(role, set()).add(mention.person)
                first.setdefault((side, mention.person), mention)
    out = []
    for role, lefts in roles[LEFT].items():
        rights = roles[RIGHT].get(role, set())
        if len(lefts) == 1 and len(rights) == 1:
            a, b = first[LEFT, next(iter(lefts))], first[RIGHT, next(iter(rights))]
            if not (
                _named_nearby(names, match, a, b)
                or _share_a_name(names, match, a, b)
                or _spelled_alike(names, a, b)
            ):
                out.append(
                    Discrepancy(match.id, "name", Span(a.start, a.end), Span(b.start, b.end))
                )
    return out


def _named_nearby(names: dict[str, _Names], match: Match, a: _Mention, b: _Mention) -> bool:
    """Whether either person is also named by the other text close to the match."""
    return any(
        person in {m.person for m in names[side].within(_nearby(names[side].doc, match, side))}
        for side, person in ((RIGHT, a.person), (LEFT, b.person))
    )


def _share_a_name(names: dict[str, _Names], match: Match, a: _Mention, b: _Mention) -> bool:
    """Whether a word of either name is written in the other side's passage (the linker may have
    split one person: 'Lieutenant Governor James "Duke" Aiona')."""
    for side, mention in ((LEFT, a), (RIGHT, b)):
        doc, far = names[side].doc, names[_other(side)].doc
        passage = " ".join(far.slice(span) for span in match.spans(_other(side)))
        if any(
            re.search(rf"\b{re.escape(word)}\b", passage)
            for word in _ROLE_WORD.findall(doc.slice(Span(mention.start, mention.end)))
        ):
            return True
    return False


def _spelled_alike(names: dict[str, _Names], a: _Mention, b: _Mention) -> bool:
    """Two spellings of one name (Rakhmon / Rakhman) are no disagreement."""
    texts = [
        names[side].doc.slice(Span(m.start, m.end)).lower() for side, m in ((LEFT, a), (RIGHT, b))
    ]
    return fuzz.ratio(*texts) >= SPELLING_ALIKE


def _other(side: str) -> str:
    return RIGHT if side == LEFT else LEFT
