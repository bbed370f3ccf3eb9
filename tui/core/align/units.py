"""Alignment units (sentences, long ones cut into clauses) of one document, and their words as
flat arrays: one scan of the whole text, offsets kept for the shared-word spans of the matches.

Units depend on one document only; the pair's vocabulary (vocabulary.py) gives their words key ids.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import attrgetter

import numpy as np

from .. import data
from ..model import Sentence, Span
from ..text import tokens
from ..text.document import Document
from ..text.slots import Slot, find_slots, little_but_figures
from . import keysets
from .keysets import INT

MIN_CLAUSE_WORDS = 5
FIGURE_WORD_UNITS = 2000
LONG_SENTENCE = 24  # words; only sentences this long are cut at a comma before a connective
CLAUSE_WORDS = 2  # lower-case words of 4+ letters a clause needs: a list of names has next to none

# Clause boundaries: ';' and ':', and in long sentences a comma before a word that opens a clause.
_CLAUSE = re.compile(r"[;:](?=\s)")
# Where a clause may start: the space after a comma before a connective, or the space before a
# subordinating word with or without a comma. Both patterns start with a literal, so a book's scan
# stays quick.
_AFTER_COMMA = re.compile(
    r",(?=\s(?:and|but|while|whereas|although|though|adding|saying|after|before|because)\s)"
)
_SUBORDINATE = re.compile(r"\s(?=(?:after|while|whereas|although|because)\s)")
_FIGURE_PREFIXES = (tokens.NUMBER_PREFIX, tokens.DATE_PREFIX)
# A sentence opening with a participle clause ("Arriving in an armored train at the border, Kim
# was greeted ..."): the clause ends at the first comma.
_OPENING = re.compile(r"[A-Z][a-z]+ing\s[^,.;:]{10,},")
_BLANK = re.compile(r"\s*")
_DIGIT = re.compile(r"\d")
_CLAUSE_WORDS = re.compile(
    r"\b[^\W\dA-Z_][^\W\d_]{3,}" + r".+?\b[^\W\dA-Z_][^\W\d_]{3,}" * (CLAUSE_WORDS - 1), re.S
)


def _dateline(text: str, sentence: Sentence, digits: list[int]) -> bool:
    """A line that is little but figures ("July 13, 2009", "Posted 12:41 PM"): when a text was
    written, not a fact it reports, so it pairs with nothing (it would pair on its date alone)."""
    start, end = sentence.start, sentence.end
    if bisect_right(digits, end - 1) == bisect_right(digits, start - 1):
        return False  # no digit: most sentences, and every one of a book without figures
    return little_but_figures(text, start, end, find_slots(text, start, end))


class Units:
    """The units of one document: spans, owning sentence, and its words as flat arrays."""

    def __init__(self, doc: Document):
        self.spans: list[Span] = []
        self.sentence: list[int] = []
        text = doc.text
        marks = [m.end() for m in _CLAUSE.finditer(text)]
        commas = _connective_cuts(text)
        # One scan of the whole text; words outside the units (boilerplate, gaps) are dropped below.
        wstart, wend, words = tokens.word_spans(text)
        capitals = _capital_cuts(text, _lower_words(doc, wstart, words))
        digits = [m.start() for m in _DIGIT.finditer(text)]
        for sentence in doc.sentences:
            if not sentence.boilerplate and not _dateline(text, sentence, digits):
                start, end = sentence.start, sentence.end
                first, last = bisect_right(marks, start), bisect_right(marks, end)
                cuts = marks[first:last]
                clow, chigh = bisect_right(capitals, start), bisect_right(capitals, end)
                if clow < chigh:
                    cuts = sorted(cuts + capitals[clow:chigh])
                low, high = bisect_right(commas, start), bisect_right(commas, end)
                if text.count(" ", start, end) >= LONG_SENTENCE:
                    opening = _OPENING.match(text, start, end)
                    if low < high or opening:
                        cuts = sorted(
                            cuts + commas[low:high] + ([opening.end()] if opening else [])
                        )
                if cuts:
                    for span in _clauses(text, start, end, cuts):
                        self.spans.append(span)
                        self.sentence.append(sentence.index)
                else:
                    self.spans.append(Span(start, end))
                    self.sentence.append(sentence.index)
        n = len(self.spans)
        ustart = np.fromiter(map(_span_start, self.spans), INT, n)
        uend = np.fromiter(map(_span_end, self.spans), INT, n)
        unit = np.searchsorted(ustart, wstart, "right") - 1
        inside = (
            (unit >= 0) & (wend <= uend[np.maximum(unit, 0)]) if n else np.zeros(len(words), bool)
        )
        keep = np.flatnonzero(inside)
        if len(keep) < len(words):
            words = [words[i] for i in keep.tolist()]
        self.unit, self.start, self.end = unit[keep], wstart[keep], wend[keep]
        self.wptr = keysets.csr(self.unit, n)
        index = dict.fromkeys(words)
        self.surface = list(index)
        index = {w: i for i, w in enumerate(self.surface)}
        self.word = np.fromiter(map(index.__getitem__, words), INT, len(words))
        # Date keys, from the units that hold a digit only (a shortcut for long texts).
        digit = np.fromiter((w[0].isdigit() for w in self.surface), bool, len(self.surface))
        self.dates: dict[int, list[str]] = {}
        if digit.any():
            ptr = self.wptr.tolist()
            for u in keysets.unique(self.unit[digit[self.word]]).tolist():
                found = tokens.aligned_keys(words[ptr[u] : ptr[u + 1]])[1]
                if found:
                    self.dates[u] = found
        self.keys = list(map(tokens.normalise, self.surface))
        # Figures (numbers, dates, money...) of the units that hold a digit, or in texts of article
        # size a number word too (books say "two" and "seven" on every page).
        figure = digit
        if n <= FIGURE_WORD_UNITS:
            figure = digit | np.fromiter(
                (k is not None and k[0] in _FIGURE_PREFIXES for k in self.keys), bool, len(digit)
            )
        self.slots: dict[int, list[Slot]] = {}
        for u in keysets.unique(self.unit[figure[self.word]]).tolist() if figure.any() else ():
            found = find_slots(text, self.spans[u].start, self.spans[u].end)
            if found:
                self.slots[u] = found
        # From the units only: a page's URLs write names in lower case.
        self.lower, self.digits = tokens.surface_classes(set(self.surface))

    def wording(self, doc: Document) -> list[str]:
        """Each unit's text, as `doc` (the document these units were cut from) writes it."""
        text = doc.text
        return [text[span.start : span.end] for span in self.spans]


def _clauses(text: str, start: int, end: int, cuts: list[int]) -> list[Span]:
    """Cut a sentence at its clause marks where both sides can stand alone: a unit should hold
    about one fact (and long texts' verses often end there), but a list of names is not one."""
    out, begin = [], start
    spaces = MIN_CLAUSE_WORDS - 1  # words are counted by the spaces between them
    for cut in cuts:
        if text.count(" ", begin, cut) >= spaces and _says_something(text, begin, cut):
            if text.count(" ", cut, end) < spaces:
                break  # later cuts leave even fewer words after them
            if not _says_something(text, cut, end):
                continue
            out.append(Span(begin, cut))
            begin = _BLANK.match(text, cut).end()
    out.append(Span(begin, end))
    return out


def _says_something(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds the lower-case words of a clause (a list of names does not)."""
    return _CLAUSE_WORDS.search(text, start, end) is not None


def _connective_cuts(text: str) -> list[int]:
    """Offsets where a clause may start: after a comma before a connective, or before a
    subordinating word (after, while, because...) with or without a comma."""
    commas = [m.end() for m in _AFTER_COMMA.finditer(text)]
    bare = [m.start() for m in _SUBORDINATE.finditer(text) if text[m.start() - 1].isalpha()]
    return sorted(commas + bare)


def _capital_cuts(text: str, lower: set[str]) -> list[int]:
    """Offsets after a comma where a capitalised word opens a clause inside a sentence: a
    quotation without quote marks ("and said, Go, and search") or a line of verse joined to the
    last ("the Son of God, As it is written"). The word is a function word, or one the text writes
    in lower case elsewhere (`lower`) followed by a comma or a word in lower case (so not the head
    of a name: "Moon Jae-in, President Moon", "The Cribs")."""
    out = []
    for m in _COMMA_CAPITAL.finditer(text):
        word = m.group(1).lower()
        if word in _OPENERS or (m.group(2) and word in lower):
            out.append(m.end())
    return out


def _lower_words(doc: Document, start: np.ndarray, words: list[str]) -> set[str]:
    """The words a text writes in lower case in its sentences (its boilerplate left out: a link's
    address writes names in lower case)."""
    spans = [(s.start, s.end) for s in doc.sentences if not s.boilerplate]
    if not spans:
        return set()
    begins, ends = np.array(spans, INT).T
    at = np.searchsorted(begins, start, "right") - 1
    inside = (at >= 0) & (start < ends[np.maximum(at, 0)])
    return {w for w in set(compress(words, inside.tolist())) if w.islower()}


# A comma, a capitalised word, and what follows it when that is a comma or a lower-case word.
_COMMA_CAPITAL = re.compile(r",(?=\s([A-Z][a-z]*)\b(,|\s[a-z])?)")
# Function words open a clause whatever follows, except those that also begin names and titles
# ("The Cribs", "Mr. Gray", "May 2", "Will Smith").
_OPENERS = data.words("stopwords.txt") - set(
    "the a an mr mrs ms dr st may will art no o ok".split()
)

_span_start = attrgetter("start")
_span_end = attrgetter("end")
