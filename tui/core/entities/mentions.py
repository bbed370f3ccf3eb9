"""Mentions of one text: dates, numbers and names, each cluster keyed by a spelling-insensitive key.

No model: capitalised sequences are judged by the text's own evidence (is the word seen capitalised
mid-sentence, or lower-case elsewhere?), by cue words around them and by the small lists in `data/`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..text.document import Document
from .language import foreign_sentences
from .lexicon import (
    COORD_RE,
    DATE,
    DIGIT_RE,
    NUM_TAIL_RE,
    NUMBER,
    ORG,
    ORG_HEADS,
    OTHER,
    PERSON,
    PLACE,
    PLACE_HEADS,
    RESULT_LINE_RE,
    STOP,
    head_word,
    lower_counts,
    mask,
    spelling_key,
)
from .names import Capitals, Splitter
from .quantities import (
    MONTH_PREPS,
    WORD_NUMBER_BEFORE_RE,
    date_key,
    date_matches,
    number_key,
    number_matches,
    scale_words,
)
from .votes import context_votes, name_votes

_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
# Abbreviations that end a person's name with their full stop ("Andrew J. Evans Jr.").
_DOTTED_TAILS = frozenset({"Jr", "Sr"})
# What may stand before a capitalised "The" inside a sentence: a word or a bracket. After a comma or
# a semicolon a capital may open reported speech ("he said unto them, The sabbath was made").
_INSIDE = frozenset("()")


# "65th Air Division", "4 Air Defense Wing": a unit's number is part of its name.
_UNIT_NUMBER_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,4})(st|nd|rd|th|d)? $")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
# "2d", "93d": the older ordinals of army lists.
_OLD_ORDINAL_RE = re.compile(r"\dd ")
_UNITS = frozenset(
    "division wing squadron group fleet army corps brigade regiment battalion force command".split()
)


def _numbered_unit(masked: str, start: int, end: int, words: tuple[str, ...]) -> int:
    """Where a name starts once the number before it is taken in: an ordinal before any
    organisation ("the 65th Air Division"), a bare number only before a military unit."""
    m = _UNIT_NUMBER_RE.search(masked, max(0, start - 8), start)
    if m is None:
        return start
    head = head_word([w.lower() for w in words])
    if head in _UNITS or (m.group(2) and head in ORG_HEADS):
        return m.start(1)
    if m.group(2) and len(words) == 1 and words[0].isupper() and len(words[0]) <= 4:
        # "the 98th PVI", "the 62d NY": a numbered regiment of its state; in "the 20th NBA
        # season" the number is the season's, the noun after the letters says so.
        nxt = (masked[end : end + 20].split() or [""])[0].rstrip(".,;:!?")
        if not (nxt.isalpha() and nxt.islower()) or nxt in STOP:
            return m.start(1)
    return start


def _leading_the(masked: str, start: int) -> bool:
    """Whether a capitalised "The" mid-sentence opens the name at `start` ("a tour with The
    Zutons", "told The Sunday Times"): a writer who capitalises it there counts it as the name's."""
    if masked[start - 4 : start] != "The " or start < 5:
        return False
    p = start - 5
    while p > 0 and masked[p] in " \t":
        p -= 1
    return masked[p].isalnum() or masked[p] in _INSIDE


# A station's call sign, a digit and two or three capitals ("6PR", "3AW"), with the frequency that
# may stand before it ("882 6PR"); named only in a text with one of the words below.
_CALL_SIGN_RE = re.compile(r"\d(?<![\w.,-]\d)[A-Z]{2,3}(?![\w-])")  # the digit first: quick
_FREQUENCY_RE = re.compile(r"(?:^|(?<=\s))\d{3,4}(?:\.\d)?[ \t]+$")
_BROADCAST_WORDS = ("radio", "broadcasting", "broadcaster", "broadcast", "broadcasts")


# A number of one or two digits after a name ending in an organisation's head word, no lower-case
# word after it (which it would count).
_HEAD_NUMBER_RE = re.compile(r"[ \t](\d{1,2})(?!\w|[.,]\d)(?![ \t]*[-–:/][ \t]*\d)(?![ \t]+[a-z])")


# A possessive that is the whole name: alone ("at Miller's,", "Macy's and Dillard's", "became
# Macy's in 2006", before no noun it could own), or before a place's head word that ends the name
# ("Rankin's Road"). Group 1: that head word.
_OWNED_RE = re.compile(
    r"[ \t]?['’]s(?:[ \t]+([A-Z][a-z]+)(?![ \t]+[A-Z])"
    r"|(?=[ \t]*(?:[,;:)!?/&]|\.(?!\w)|(?:and|or|in|at|on|by|from|became|was|is)\b|$)))",
    re.M,
)


# 'William "Buckshot" May', 'Charalambos " Bambos " Xanthos': given names, a nickname of one or
# two capitalised words in quotes, a surname.
_NAME_WORD = r"[A-Z][\w'’.-]*"
_NICKNAMED_RE = re.compile(
    rf"(?<![\w\"“”])({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+[\"“][ \t]?"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]?[\"”][ \t]+({_NAME_WORD})(?![\w\"“”])"
)
_NICK_QUOTES = frozenset('"“”')


_APOSTROPHES = frozenset("'’")
_POSSESSIVE_RE = re.compile(r"[ \t]?['’]s\b")


# A name the text defines an acronym for ("World Series of Poker (WSOP)") names a body, mostly.
_DEFINED = {ORG: 2.0}
SATURATED = 25  # mentions after which a name's context casts no more votes: its type is settled
# Below this many votes per voting mention, place or organisation cues are stray ("a letter of
# John"): a name is a person unless the text keeps placing it.
_SURE_RATE = 0.15
# Below this a name has no more than an article before it ("the Enlightenment"): its kind is open.
WEAK = 0.5


def vote_type(votes: Counter | dict, mentions: int) -> str:
    """The type the votes of a name's mentions make; OTHER when they say nothing."""
    best = max(
        votes.items(),
        key=lambda kv: (kv[1], kv[0] == OTHER, kv[0] == ORG, kv[0] == PLACE),
        default=None,
    )
    if best is None or best[1] < WEAK:
        return OTHER
    if best[0] != PERSON and best[1] < _SURE_RATE * mentions and votes.get(PERSON, 0) > 0:
        return PERSON
    return best[0]


@dataclass(slots=True, eq=False)
class Cluster:
    """Mentions of one thing in one text, with its surface forms and type votes."""

    key: str
    kind: str | None
    first: int
    spans: list[tuple[int, int]] = field(
        default_factory=list
    )  # (start, end): Spans are made once, at the end
    forms: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    aside: Counter = field(default_factory=Counter)  # forms seen only in boilerplate (credits...)
    native: bool = False  # named in an English sentence, where capitals and cues mean what we read
    links: list[Cluster] = field(default_factory=list)

    @property
    def content(self) -> bool:
        """Whether the article itself names it (boilerplate mentions are not kept as spans)."""
        return bool(self.spans)

    @property
    def type(self) -> str:
        if self.kind:
            return self.kind
        return vote_type(self.votes, min(len(self.spans), SATURATED))

    @property
    def words(self) -> list[str]:
        return self.key.split()

    def absorb(self, other: Cluster) -> None:
        self.spans += other.spans
        self.forms.update(other.forms)
        self.votes.update(other.votes)
        self.keys |= other.keys
        self.aside.update(other.aside)
        self.native |= other.native
        self.first = min(self.first, other.first)


def _run_counts(word: list[str], joins: list, ok: list[bool]) -> tuple[Counter, Counter]:
    """How often each word stands alone as a name, and each two-word name occurs: the text's own
    evidence that two names side by side ("Hezekiah Sennacherib") are not one."""
    solo: Counter = Counter()
    pairs: Counter = Counter()
    n = len(ok)
    for i in range(n):
        if not ok[i] or (i and ok[i - 1] and joins[i - 1] is not None):
            continue  # not a token that opens a run
        if joins[i] is None or not ok[i + 1]:
            solo[word[i]] += 1
        elif joins[i][1] is None and (joins[i + 1] is None or i + 2 >= n or not ok[i + 2]):
            pairs[word[i], word[i + 1]] += 1
    return solo, pairs


class Scanner:
    """One pass over one document: dates, names and numbers as clusters keyed by spelling."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.masked = mask(doc.text)
        self.taken = bytearray(len(doc.text) + 1)
        self.sentences = doc.sentences
        # Boilerplate is scanned (its capitals are evidence, its forms may name a listed entity),
        # but its mentions are not kept: a credit or a footer does not make a name shared. A text
        # judged all boilerplate (a lone tweet with its link) is read as content all the same.
        boiler = [s for s in doc.sentences if s.boilerplate]
        if len(boiler) == len(doc.sentences):
            boiler = []
        self.boiler_starts = [s.start for s in boiler]
        self.boiler_ends = [s.end for s in boiler]
        self.foreign = foreign_sentences(self.masked, doc.sentences)
        self.foreign_spans = sorted(
            (doc.sentences[k].start, doc.sentences[k].end) for k in self.foreign
        )
        self.clusters: dict[str, Cluster] = {}
        # Results lines name teams; a text with no digit has none (a regex pass saved on prose).
        self.tables = (
            [m.span() for m in RESULT_LINE_RE.finditer(self.masked)]
            if "\n" in self.masked and DIGIT_RE.search(self.masked)
            else []
        )
        self.lower = lower_counts(self.masked)
        self.compounds: list[tuple[int, str]] = []
        self.cap_all: Counter = Counter()
        self._static: dict[str, tuple[str, dict]] = {}
        self._owned: dict[str, bool] = {}
        self._hashes = "#" in self.masked

    def run(self) -> list[Cluster]:
        self._dates()
        self._call_signs()
        self._nicknamed()
        self._names()
        self._numbers()
        clusters = list({id(c): c for c in self.clusters.values()}.values())
        self._plural_abbreviations(clusters)
        return clusters

    def _written_plural(self, form: str) -> bool:
        """Whether the text writes `form` + "s" as a word of its own (a capitalised token)."""
        return bool(self.cap_all.get(form + "s"))

    def _a_thing(self, start: int, end: int) -> bool:
        """Whether a mention is the head of an indefinite noun phrase ("an EP of new material", "a
        DJ,"): an article before it, at most one word between, and no noun after it to modify
        ("a BBC reporter" names the BBC)."""
        before = self.masked[max(0, start - 30) : start].lower().split()[-2:]
        if not before or not ({"a", "an"} & set(before)) or before[-1][-1:] in ",.;:":
            return False
        nxt = (self.masked[end : end + 20].split() or [""])[0]
        return not nxt[:1].isalpha() or nxt in STOP

    def _plural_abbreviations(self, clusters: list[Cluster]) -> None:
        """An abbreviation the text also writes as a plural ("a first-round KO" and "23 KOs", "a DJ"
        and "DJs"), or as the head of "an EP of ...", names a kind of thing, not a body: its votes
        go to OTHER."""
        for c in clusters:
            if c.kind is not None or " " in c.key or not 2 <= len(c.key) <= 5:
                continue
            form = max(c.forms, key=c.forms.get, default="")
            if (
                form.isupper()
                and form.isalpha()
                and (
                    self._written_plural(form)
                    or any(self._a_thing(*span) for span in c.spans[:SATURATED])
                )
            ):
                n = sum(c.forms.values())
                c.votes.clear()
                c.votes[OTHER] = 3.0 * n

    def boiler(self, pos: int) -> bool:
        """Whether `pos` lies in a boilerplate sentence."""
        if not self.boiler_starts:
            return False
        i = bisect_right(self.boiler_starts, pos) - 1
        return i >= 0 and pos < self.boiler_ends[i]

    def _in_table(self, pos: int) -> bool:
        i = bisect_right(self.tables, (pos, len(self.text))) - 1
        return i >= 0 and pos < self.tables[i][1]

    def mention(self, cluster: Cluster, start: int, end: int, surface: str) -> None:
        """Record one mention: a span of the article, or only a form when in boilerplate."""
        if self.boiler(start):
            cluster.aside[surface] += 1
        else:
            cluster.spans.append((start, end))
            cluster.forms[surface] += 1
        if not cluster.native:
            spans = self.foreign_spans
            i = bisect_right(spans, (start, len(self.text))) - 1
            cluster.native = not spans or i < 0 or start >= spans[i][1]

    def _add(
        self,
        key: str,
        kind: str | None,
        start: int,
        end: int,
        votes: dict | None = None,
        surface: str | None = None,
    ) -> Cluster:
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = self.clusters[key] = Cluster(key, kind, start, keys={key})
        self.mention(cluster, start, end, surface or " ".join(self.text[start:end].split()))
        if votes:
            for t, v in votes.items():
                cluster.votes[t] += v
        self.taken[start:end] = b"\1" * (end - start)
        return cluster

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def _dates(self) -> None:
        for m in date_matches(self.masked):
            if m.group("yr") and re.match(r"\s+[a-z]+s\b", self.masked[m.end() : m.end() + 30]):
                nxt = self.masked[m.end() : m.end() + 30].split()[0]
                if nxt not in STOP:
                    continue  # "2000 soldiers" is a count, not a year
            start, end = m.span()
            if m.group("m4"):
                before = self.masked[max(0, start - 12) : start].split()
                if not before or before[-1].lower().rstrip("-") not in MONTH_PREPS:
                    continue
            self._add(date_key(m), DATE, start, end)

    def _call_signs(self) -> None:
        """Stations named by their call sign ("6PR", "882 6PR" with its frequency), in a text that
        speaks of radio or broadcasting: a digit and capitals, which the capitals scan skips."""
        if not any(self.lower.get(w) for w in _BROADCAST_WORDS):
            return
        masked = self.masked
        for m in _CALL_SIGN_RE.finditer(masked):
            start, end = m.span()
            freq = _FREQUENCY_RE.search(masked, max(0, start - 10), start)
            if freq:
                start = freq.start()
            if self._free(start, end):
                self._add(spelling_key(m.group()), None, start, end, {ORG: 3.0})

    def _nicknamed(self) -> None:
        """A person's name with a nickname in quotes inside it ('William "Buckshot" May'): one
        name, keyed without the nickname so that the bare surname still joins it."""
        if '"' not in self.masked and "“" not in self.masked:
            return
        for m in _NICKNAMED_RE.finditer(self.masked):
            start, end = m.span()
            if self._free(start, end) and self.masked[start - 1 : start] not in _NICK_QUOTES:
                key = spelling_key(f"{m.group(1)} {m.group(3)}")
                self._add(key, None, start, end, {PERSON: 3.0})

    def _numbers(self) -> None:
        for m in number_matches(self.masked):
            if m.group("skip"):
                continue
            start, end = m.span()
            if m.group("noun") and m.group("noun").lower() in STOP:
                end = m.start("noun") - 1
            if self._free(start, end):
                self._add(number_key(self.masked[start:end]), NUMBER, start, end)
        for start, end in scale_words(self.masked):
            lead = WORD_NUMBER_BEFORE_RE.search(self.masked, max(0, start - 12), start)
            if lead and self._free(lead.start(), end):
                self._add(number_key(self.masked[lead.start() : end]), NUMBER, lead.start(), end)

    # --- names -------------------------------------------------------------------------------

    def _names(self) -> None:
        caps = Capitals(
            self.masked, self.sentences, self.taken, self.lower, self.tables, self.foreign
        )
        self.cap_all = caps.cap_all
        tstart, tend, tword, joins, ok = caps.start, caps.end, caps.word, caps.joins, caps.ok
        splitter = Splitter(self.lower, caps.cap_all, *_run_counts(tword, joins, ok))
        plans, masked = splitter.plans, self.masked
        prev_end = -1
        prev_cluster: Cluster | None = None
        n, i = len(ok), 0
        while i < n:
            if not ok[i]:
                i += 1
                continue
            j = i  # the run of tokens i..j that joins into one stretch of name
            while joins[j] is not None and ok[j + 1]:
                j += 1
            if i == j:  # most runs: one word, its offsets read from the token columns
                words: tuple[str, ...] = (tword[i],)
                starts, ends, base = tstart, tend, i
            else:
                starts, ends, parts, base = [], [], [], 0
                for k in range(i, j + 1):
                    starts.append(tstart[k])
                    ends.append(tend[k])
                    parts.append(tword[k])
                    conn = joins[k][1] if k != j else None
                    if conn:
                        starts.append(conn[0])
                        ends.append(conn[1])
                        parts.append(conn[2])
                words = tuple(parts)
            if (tstart[i], tend[j]) in caps.defined:  # spelled by its acronym: one name, whole
                plan = [(0, len(words), _DEFINED, False)]
            else:
                plan = plans.get(words) or splitter.plan(words)
            i = j + 1
            for lo, hi, votes, compound in plan:
                start, end = starts[base + lo], ends[base + hi - 1]
                if compound:  # "Putin-Kim": the parts join names found elsewhere, later
                    self.compounds.append((start, words[lo]))
                    continue
                cluster, end = self._emit(start, end, words[lo:hi], votes)
                if (
                    prev_cluster is not None
                    and start - prev_end < 12
                    and COORD_RE.fullmatch(masked, prev_end, start)
                ):
                    cluster.links.append(prev_cluster)
                    prev_cluster.links.append(cluster)
                prev_end, prev_cluster = end, cluster

    def _only_owned(self, word: str) -> bool:
        """Whether the text writes `word` only with a possessive 's ("Macy's", never "Macy"): then
        the possessive is the name itself; "the things that are Caesar's" is Caesar's. Read
        occurrence by occurrence, stopping at the first bare one (a book's names have one early)."""
        known = self._owned.get(word)
        if known is None:
            known = self._owned[word] = self._always_owned(word)
        return known

    def _always_owned(self, word: str) -> bool:
        masked, n = self.masked, len(word)
        i = masked.find(word)
        while i >= 0:
            j = i + n
            if not (masked[i - 1 : i].isalnum() or masked[j : j + 1].isalnum()):
                m = _POSSESSIVE_RE.match(masked, j)
                if m is None:
                    return False
            i = masked.find(word, j)
        return True

    def emit(self, start: int, end: int, words: tuple[str, ...]) -> Cluster:
        """Add a name found after the scan (a hyphenated compound no part of which is a name)."""
        return self._emit(start, end, words, {})[0]

    def _emit(
        self, start: int, end: int, words: tuple[str, ...], votes: dict
    ) -> tuple[Cluster, int]:
        """Add one mention of a name; returns its cluster and where the mention ends."""
        masked = self.masked
        unit = False
        leading = _leading_the(masked, start)
        if leading:
            start -= 4
        elif (
            (before := masked[start - 2 : start - 1]).isdigit()
            or masked[start - 3 : start - 1] in _ORDINALS
            or (before == "d" and _OLD_ORDINAL_RE.fullmatch(masked, start - 3, start))
        ):
            numbered = _numbered_unit(masked, start, end, words)
            unit, start = numbered != start, numbered
        if masked[end + 1 : end + 2].isdigit():
            tail = NUM_TAIL_RE.match(masked, end)
            if tail and tail.group(2).lower() in ORG_HEADS:  # "Rossiya 24 television"
                end = tail.end(1)
            elif words[-1].lower() in ORG_HEADS and not (self.tables and self._in_table(start)):
                numbered = _HEAD_NUMBER_RE.match(masked, end)
                if numbered:  # "BBC Radio 1", "Channel 4 News"; not "the Council 10 times"
                    end = numbered.end(1)
        if masked[end : end + 1] == "." and words[-1] in _DOTTED_TAILS and len(words) > 1:
            end += 1
        shop = owner = False
        after = masked[end : end + 1]
        if after in _APOSTROPHES or (after == " " and masked[end + 1 : end + 2] in _APOSTROPHES):
            owned = _OWNED_RE.match(masked, end)
            if owned and (owned.group(1) or "").lower() in PLACE_HEADS:
                end, owner = owned.end(), True  # "Rankin's Road": a place named for its owner
            elif (
                owned and owned.group(1) is None and len(words) == 1 and self._only_owned(words[0])
            ):
                end, shop = owned.end(), True  # "at Miller's", "Macy's and Dillard's": a shop
        surface = self.text[start:end]
        if (len(words) > 1 or len(surface) != len(words[0])) and _ODD_SPACE.search(surface):
            surface = " ".join(surface.split())
        static = self._static.get(surface)
        if static is None:
            static = self._static[surface] = name_votes(surface, words, self.cap_all, self.lower)
        key, base = static
        # "#Gaza": a hashtag's mark belongs to the mention (its form), not to the name's key
        if (
            self._hashes
            and masked[start - 1 : start] == "#"
            and not masked[start - 2 : start - 1].isalnum()
        ):
            first, form = start - 1, "#" + surface
        else:
            first, form = start, surface
        cluster = self.clusters.get(key)
        if cluster is not None and len(cluster.spans) >= SATURATED:
            self.mention(cluster, first, end, form)
            self.taken[first:end] = b"\1" * (end - first)
            return cluster, end
        if votes:
            votes = defaultdict(float, votes)
            for t, v in base.items():
                votes[t] += v
        else:  # the name's own votes, as floats: what adding them to nothing gives
            votes = defaultdict(float, base)
        context_votes(masked, start, end, votes)
        if leading:  # people take no article: a band, a paper, a society
            votes[ORG] += 1
        if unit:  # "65th Air Division", "98th PVI": a numbered unit
            votes[ORG] += 2
        if shop:
            votes[ORG] += 1
        elif owner:
            votes[PLACE] += 3
        if self.tables and self._in_table(start):
            votes[ORG] += 3
        return self._add(key, None, first, end, votes, form), end
