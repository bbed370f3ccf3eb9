"""Capitalised words of one text and the runs of them that may be names: which need evidence
(sentence openers, headlines), how neighbours join, and how a run splits into names (what the words
say about a name's type is in `votes`).

Books repeat a few thousand capitalised forms ~10^5 times: tokens are kept as columns, and what a
word decides by itself is decided once per distinct word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import compress

from ..model import Sentence
from ..text.words import MONTHS, WEEKDAYS
from .lexicon import (
    CAP_RE,
    COMMON,
    COMPASS,
    CONNECTORS,
    DEMONYMS,
    FIRST_NAMES,
    FIRST_RE,
    GAP_RE,
    GAZ,
    LOWER_PART_RE,
    LOWER_RE,
    OPENERS,
    ORG_HEADS,
    OTHER_HEADS,
    PERSON,
    PLACE,
    PLACE_HEADS,
    SAY,
    SEGMENT_RE,
    STOP,
    SURNAMES,
    TITLES,
    WORD_RE,
    WORLD,
    head_word,
    is_common,
    is_demonym,
    spelling_key,
)
from .votes import BORNE_TITLES, english, kind_noun, unenglish

# Verbs of saying: a capital after "he said unto them," opens the words said ("Truly I say").
SPEECH = SAY | {"saith", "saying", "answered", "answering", "asked", "replied", "cried", "wrote"}


def _after_speech(masked: str, comma: int) -> bool:
    """Whether one of the three words before the comma at `comma` is a verb of saying."""
    return not SPEECH.isdisjoint(masked[max(0, comma - 40) : comma].lower().split()[-3:])


# "X is a ...": what an opening word followed by a kind noun needs to be read as a name.
_IS_RE = re.compile(r"\s+(?:is|was)\s")
# A verb of saying right after a word: "Obama says", "Kettelmo told".
_SAYS_RE = re.compile(r"[ \t]+(?:said|says|told|tells|added|adds)\b")
# Bodies whose "for" leads to whom they play or sign for ("the Super League for Basel"), not to
# what they are for ("Institute for Palestinian Studies").
_PLAYS_FOR = frozenset({"league", "team", "club", "band", "records", "label", "squad"})
# Words that join a town to the river or region that tells it from its namesakes.
_PLACE_JOINS = frozenset({"am", "upon"})
# Abbreviations that open a place's name: "St. Louis", "Mt. Hood", "Ft. Worth".
_ABBREVIATED = frozenset({"St", "Mt", "Ft"})
# Words W with a title "W of ...": "of" after them stays inside the name ("Secretary of State").
_TITLE_OF = frozenset(
    t[: t.find(" of ")] for t in TITLES if " of " in t and " " not in t[: t.find(" of ")]
)


# "(AHAC)" after a name: the acronym the text defines for it.
_ACRONYM_DEF_RE = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
# Lower-case words an acronym skips inside the name it stands for ("World Series of Poker").
_SKIPPED = CONNECTORS | {"and", "for", "the", "on", "in", "at", "to", "&"}
_WORD_TOKEN_RE = re.compile(r"\S+")


def defined_names(masked: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of capitalised words that an acronym in brackets right after it
    spells ("World Series of Poker (WSOP)", "London and South Western Railway (LSWR)"): the text
    itself says the stretch is one name, whatever its inner words."""
    if "(" not in masked:
        return []
    out = []
    for m in _ACRONYM_DEF_RE.finditer(masked):
        letters = [c for c in m.group(1) if c.isupper()]
        if len(letters) < 2 or len(letters) * 2 < len(m.group(1)):
            continue
        stretch = _spelled(masked, m.start(), letters)
        if stretch is not None:
            out.append(stretch)
    return out


def _spelled(masked: str, bracket: int, letters: list[str]) -> tuple[int, int] | None:
    """The words before `bracket` whose capitals spell `letters`; a lower-case connector in between
    may give its letter or none ("World Series of Poker" for WSOP, "Bank of England" for BE)."""
    words = list(_WORD_TOKEN_RE.finditer(masked, max(0, bracket - 160), bracket))[::-1]
    if not words or not words[0].group()[:1].isupper():
        return None
    end = words[0].end()

    def match(k: int, need: int) -> int | None:
        """Index into `words` where the stretch starts, spelling letters[:need] from words[k:]."""
        if need == 0:
            return k - 1 if words[k - 1].group()[:1].isupper() else None
        if k >= len(words):
            return None
        word = words[k].group()
        if word[:1].isupper() and (word.isalpha() or "-" in word):
            return match(k + 1, need - 1) if word[0] == letters[need - 1] else None
        if word.lower() not in _SKIPPED:
            return None
        if word[0].upper() == letters[need - 1]:
            found = match(k + 1, need - 1)
            if found is not None:
                return found
        return match(k + 1, need)

    first = match(0, len(letters))
    return None if first is None else (words[first].start(), end)


def _kept_form(word: str) -> str | None:
    """The part of a capitalised token that may name something, or None for a stop word."""
    wl = word.lower()
    if wl in STOP and not (word.isupper() and wl in GAZ) and word not in _ABBREVIATED:
        return None
    if "-" in word:  # "Russia-controlled" names Russia
        cut = LOWER_PART_RE.search(word)
        if cut:
            return word[: cut.start()]
    return word


def _team(last: str, head: str) -> bool:
    """A plural that ends a name after a place ("Toronto Blue Jays", "New York Yankees", "Ottawa
    67s"): the team of the place, one name, not the place and then something."""
    return last[-1:] == "s" and last[-2:-1] not in "su'’" and head not in WORLD


def _plural(w: str) -> bool:
    """A capitalised plural before "of" names a body ("Boy Scouts of America", "Jars of Clay")."""
    return len(w) > 3 and w[-1] == "s" and w[-2] not in "su'’" and not w.isupper()


def _never_a_name(w: str) -> bool:
    """A stop word, month or weekday, whatever stands around it."""
    wl = w.lower()
    return (
        (wl in STOP and not (w.isupper() and wl in GAZ) and w not in _ABBREVIATED)
        or wl in MONTHS
        or wl in WEEKDAYS
    )


def _initial(masked: str, start: int, end: int) -> bool:
    """A lone "A." or "O." after a given name: a middle initial (Martha A. Okafor, not Plan A.)."""
    if end - start != 1 or masked[end : end + 2] != ". " or not masked[end + 2 : end + 3].isupper():
        return False
    words = masked[max(0, start - 20) : start].split()
    return masked[start - 1 : start] == " " and bool(words) and words[-1].lower() in FIRST_NAMES


class Capitals:
    """The capitalised tokens of one text (columns: start, end, word, sentence, ambiguous, in a
    headline), how each joins the next, and whether each may be part of a name."""

    def __init__(
        self,
        masked: str,
        sentences: tuple[Sentence, ...],
        taken: bytearray,
        lower: Counter,
        tables: list[tuple[int, int]] = (),
        foreign: set[int] = frozenset(),
    ) -> None:
        self.masked, self.sentences, self.lower = masked, sentences, lower
        self.foreign = foreign
        starts, words = self.start, self.word = self._tokens(taken)
        self.end = [s + len(w) for s, w in zip(starts, words)]
        self.cap_all = Counter(words)
        self.sent = self._sentence_of(starts)
        self.amb = self._opening(starts)
        self.title = self._titles()
        for a, b in tables:  # "Leeds 0 Everton 3": capitals of a results line are names
            for i in range(bisect_left(starts, a), bisect_left(starts, b)):
                self.amb[i] = self.title[i] = False
        self.defined = set(defined_names(masked))
        inside = self._inside_defined()
        for i in inside:  # the text calls the stretch a name: its capitals need no more evidence
            self.amb[i] = self.title[i] = False
        self.cap_mid = Counter(compress(words, (not a for a in self.amb)))
        n = len(starts)
        ends, sent, title = self.end, self.sent, self.title
        self.joins = [
            self._joins(i)
            if starts[i + 1] - ends[i] <= 12 and sent[i] == sent[i + 1] and title[i] == title[i + 1]
            else None
            for i in range(n - 1)
        ] + [None]
        for i, stretch in inside.items():  # one name from its first capital to its last
            if i + 1 < n and inside.get(i + 1) == stretch:
                m = GAP_RE.fullmatch(masked, ends[i], starts[i + 1])
                if m:
                    conn = m.group(2)
                    self.joins[i] = (True, conn and (m.start(2), m.end(2), " ".join(conn.split())))
            else:
                self.joins[i] = None
            if i and inside.get(i - 1) != stretch:
                self.joins[i - 1] = None
        self.ok = self._may_name()

    def _inside_defined(self) -> dict[int, tuple[int, int]]:
        """Token index -> the acronym-defined stretch it lies in."""
        out: dict[int, tuple[int, int]] = {}
        for a, b in self.defined:
            for i in range(bisect_left(self.start, a), bisect_right(self.start, b - 1)):
                out[i] = (a, b)
        return out

    def _tokens(self, taken: bytearray) -> tuple[list[int], list[str]]:
        starts, words = [], []
        kept_of: dict[str, str | None] = {}
        for m in CAP_RE.finditer(self.masked):
            start = m.start()
            if taken[start]:
                continue
            word = m.group()
            kept = kept_of.get(word, "")
            if kept == "":
                kept = kept_of[word] = _kept_form(word)
            if kept is None and _initial(self.masked, m.start(), m.end()):
                kept = word + "."  # "Martha A. Okafor": a middle initial, not the article
            if kept is not None:
                starts.append(start)
                words.append(kept)
        return starts, words

    def _opening(self, starts: list[int]) -> list[bool]:
        """Tokens that open a sentence or a clause (after a colon, a quote, a dash): such a capital
        says nothing by itself ("Behold", "Died")."""
        masked = self.masked
        firsts = set()
        for s in self.sentences:
            if masked[s.start].isalnum():  # what FIRST_RE finds first, mostly at once
                firsts.add(s.start)
            else:
                m = FIRST_RE.search(masked, s.start, s.end)
                if m:
                    firsts.add(m.start())
        out = []
        for start in starts:
            p = start - 1
            while p >= 0 and masked[p] in " \t\n":
                p -= 1
            out.append(
                start in firsts
                or p < 0
                or masked[p] in OPENERS
                or (masked[p] == "," and _after_speech(masked, p))
            )
        return out

    def _sentence_of(self, starts: list[int]) -> list[int]:
        """The index of the sentence each token stands
        in (the last one starting at or before it)."""
        out = []
        sent_starts = [s.start for s in self.sentences]
        n_sent, ix = len(sent_starts), 0
        for start in starts:
            while ix + 1 < n_sent and sent_starts[ix + 1] <= start:
                ix += 1
            out.append(ix)
        return out

    def _titles(self) -> list[bool]:
        """Tokens inside headline-case stretches; they count as ambiguous too."""
        title = [False] * len(self.start)
        if not self.sentences:
            return title
        # Headline case needs three capitalised words in one sentence: only such sentences are
        # checked.
        busy = {s for s, k in Counter(self.sent).items() if k >= 3}
        segments: dict[int, list[tuple[int, int]]] = {}
        for i in compress(range(len(self.sent)), map(busy.__contains__, self.sent)):
            s = self.sent[i]
            segs = segments.get(s)
            if segs is None:
                segs = segments[s] = self._title_segments(self.sentences[s])
            if segs and any(a <= self.start[i] < b for a, b in segs):
                title[i] = self.amb[i] = True
        return title

    def _title_segments(self, s: Sentence) -> list[tuple[int, int]]:
        """The headline-case stretches of a sentence:
        every content word capitalised, some common."""
        return [
            (m.start(), m.end())
            for m in SEGMENT_RE.finditer(self.masked, s.start, s.end)
            if self._is_title(m.group())
        ]

    def _is_title(self, segment: str) -> bool:
        if segment.count(",") + segment.count(";") >= 2:
            return False  # a list ("Colonel Jesse Auton, 10 April 1943; Captain ..."), no headline
        for m in LOWER_RE.finditer(segment):
            if m.group() not in STOP:
                return False
        capitals, common = 0, False
        for m in WORD_RE.finditer(segment):
            w = m.group()
            wl = w.lower()
            if not w[0].isupper():
                if wl not in STOP and not any(
                    c.isupper() for c in w[1:]
                ):  # "iPhone" is capitalised
                    return False
                continue
            capitals += wl not in STOP
            common = common or is_common(wl, self.lower)
        if capitals < 3 or not common:
            return False
        # One name before a bracket ("The Amateur Hockey Association of Canada (") is no headline.
        head = head_word([w.lower() for w in WORD_RE.findall(segment)])
        return head not in ORG_HEADS and head not in PLACE_HEADS

    def _joins(self, i: int) -> tuple | None:
        """How token i runs on into the next, in its sentence and at most 12 characters on:
        (True, connector as (start, end, word) or None), or None."""
        m = GAP_RE.fullmatch(self.masked, self.end[i], self.start[i + 1])
        w = self.word[i]
        if not m or (m.group(1) and len(w) != 1 and w not in _ABBREVIATED):
            return None
        conn = m.group(2)
        if conn is None:
            return True, None
        cl = conn.lower()
        wl = w.lower()
        headed = wl in ORG_HEADS or wl in PLACE_HEADS
        if " " in cl:  # "Joaquin de la Pazuela", "Ursula von der Leyen"
            if cl.split() == ["of", "the"] and headed:  # "Army of the North"
                return True, (m.start(2), m.end(2), " ".join(conn.split()))
            if not all(part in CONNECTORS and part != "of" for part in cl.split()):
                return None
            return True, (m.start(2), m.end(2), " ".join(conn.split()))
        if cl in _PLACE_JOINS and spelling_key(w) in WORLD:
            return True, (m.start(2), m.end(2), conn)  # "Frankfurt am Main", "Newcastle upon Tyne"
        if cl == "for" and wl in ORG_HEADS and wl not in _PLAYS_FOR:
            return True, (m.start(2), m.end(2), conn)  # "Institute for Palestinian Studies"
        if cl not in CONNECTORS and cl != "and":  # "and" stays only inside an organisation's name
            return None
        if cl == "of" and not (headed or wl in _TITLE_OF):
            return None
        return True, (m.start(2), m.end(2), conn)

    def _may_name(self) -> list[bool]:
        """Per token: may it be part of a name? Sentence-initial and headline capitals need
        evidence."""
        out = []
        kinds: dict[str, int] = {}  # per word: 0 never a name, 1 one letter, 2 a word
        joins, amb = self.joins, self.amb
        for i, w in enumerate(self.word):
            kind = kinds.get(w)
            if kind is None:
                kind = kinds[w] = 0 if _never_a_name(w) else 1 if len(w) == 1 else 2
            if kind == 0 or (
                kind == 1 and not (joins[i] and joins[i][1] is None)
            ):  # "J. Smith" only
                out.append(False)
            else:
                out.append(not amb[i] or self._evidence(i))
        return out

    def _evidence(self, i: int) -> bool:
        """Whether an ambiguous token i (opening a sentence or in a headline) is seen as a name."""
        w, lower = self.word[i], self.lower
        wl = w.lower()
        mid = self.cap_mid[w]
        if mid and mid >= lower.get(wl, 0):
            return True
        if self.sent[i] in self.foreign:
            return False  # another language's opening capital tells nothing we can read
        if spelling_key(w) in WORLD:
            return True
        if self.title[i]:
            return False
        if w.isupper() and len(w) > 1 and (not is_common(wl, lower) or self.cap_mid[w.title()]):
            return True  # "NEW YORK" in a dateline, when the text writes "New York" elsewhere
        join = self.joins[i]
        if (
            join is None
            and _IS_RE.match(self.masked, self.end[i])
            and kind_noun(self.masked, self.end[i])
        ):
            return True  # "Champdor is a commune", "Brandhorst is a municipality"
        if join is None and not is_common(wl, lower) and _SAYS_RE.match(self.masked, self.end[i]):
            return True  # "Obama says", "Kettelmo told reporters": who speaks is named
        return bool(
            join
            and not self.amb[i + 1]
            and not wl.endswith(("ly", "ing", "ed"))
            and (not is_common(wl, lower) or wl in COMPASS or self._opens_headed_name(i))
        )

    def _opens_headed_name(self, i: int) -> bool:
        """Whether the capitals that token i runs into end in an organisation's or a place's head
        noun ("Amateur Hockey Association of Canada", "Fourth Air Force"): an opener that the run
        carries on is the name's first word, common word or not."""
        words, j = [], i
        while self.joins[j] is not None and j + 1 < len(self.word):
            conn = self.joins[j][1]
            if conn and j > i:
                words.append(conn[2].lower())
            j += 1
            words.append(self.word[j].lower())
        head = head_word(words)
        return head in ORG_HEADS or head in PLACE_HEADS


class Splitter:
    """How a run of capitalised words splits into names, memoised (runs repeat)."""

    def __init__(
        self, lower: Counter, cap_all: Counter, solo: Counter = None, pairs: Counter = None
    ) -> None:
        self.lower, self.cap_all = lower, cap_all
        self.solo, self.pairs = solo or Counter(), pairs or Counter()
        self.plans: dict[tuple[str, ...], list[tuple[int, int, dict, bool]]] = {}

    def plan(self, words: tuple[str, ...]) -> list[tuple[int, int, dict, bool]]:
        """(lo, hi, votes, compound) per name of the run."""
        plan = self.plans.get(words)
        if plan is None:
            plan = self.plans[words] = list(
                self._split(words, [w.lower() for w in words], 0, len(words))
            )
        return plan

    def _two_names(self, words: tuple[str, ...]) -> bool:
        """Two words the text mostly names alone, side by side once or twice ("king Hezekiah
        Sennacherib king of Assyria"), are two names; "Jesus Christ", said often, is one."""
        pair = self.pairs[words]
        return 0 < pair <= 2 and all(self.solo[w] >= 3 * pair + 2 for w in words)

    def _split(self, words: tuple[str, ...], lw: list[str], lo: int, hi: int):
        """Yield (lo, hi, votes, compound): titles,
        nationality words and leading places split off."""
        # A capitalised particle opening the run is the name's ("De Staël", "Van Canto", "La
        # Union"); a lower-case one left at the edge by a split is not.
        while lo < hi and (
            (lw[lo] in CONNECTORS and not words[lo][:1].isupper()) or lw[lo] == "and"
        ):
            lo += 1
        while hi > lo and (lw[hi - 1] in CONNECTORS or lw[hi - 1] == "and"):
            hi -= 1
        if lo >= hi:
            return
        head = head_word(lw[lo:hi])
        headed = head in ORG_HEADS or head in PLACE_HEADS
        if spelling_key(" ".join(words[lo:hi])) in GAZ:
            yield lo, hi, {PLACE: 3}, False
            return
        if len(words) == 2 and hi - lo == 2 and not headed and self._two_names(words):
            yield from self._split(words, lw, lo, lo + 1)
            yield from self._split(words, lw, lo + 1, hi)
            return
        if "and" in lw[lo:hi]:
            i = lw.index("and", lo, hi)
            left = head_word(lw[lo:i])
            # "Moscow and Pyongyang" is two names; "Food and Drug Administration" one; "Dallas
            # Morning News and Houston Post" two again, each side a whole headed name.
            if head not in ORG_HEADS or (
                i - lo >= 2 and hi - i > 2 and (left in ORG_HEADS or left in PLACE_HEADS)
            ):
                yield from self._split(words, lw, lo, i)
                yield from self._split(words, lw, i + 1, hi)
                return
        if not headed:
            for i in range(lo, hi):
                for k in (3, 2, 1):
                    if (
                        i + k <= hi
                        and " ".join(lw[i : i + k]) in TITLES
                        and not (i > lo and lw[i - 1] in FIRST_NAMES)  # "Alexander Pope"
                    ):
                        if k == 1 and lw[i] in BORNE_TITLES and i + 1 < hi:
                            # "Prince William", "Pope Francis": a sovereign's or a noble's title
                            # is borne as part of the name
                            yield from self._split(words, lw, lo, i)
                            yield i, hi, {PERSON: 3}, False
                            return
                        yield from self._split(words, lw, lo, i)
                        for a, b, votes, compound in self._split(words, lw, i + k, hi):
                            yield a, b, {PERSON: 3, **votes}, compound
                        return
        if not headed and hi - lo >= 3:
            # "Manager Lou Piniella", "Queenslander Mitchell Rawlins": a given name opens the
            # person's name, and what stands before it describes them.
            for k in range(lo + 1, hi - 1):
                if (
                    lw[k] in FIRST_NAMES
                    and lw[k - 1] not in FIRST_NAMES
                    and lw[k - 1] not in WORLD
                    and lw[k - 1] not in SURNAMES
                    and lw[k - 1] not in COMPASS  # "East Denny Way"
                    and len(lw[k - 1]) > 3  # "Ri Yong Ho", "Xi Mei": a family name comes first
                    and words[k - 1] not in _ABBREVIATED
                    and not (k == lo + 1 and unenglish(words[lo:hi], lw[lo:hi], self.lower))
                ):  # "Nadja Angelique Beauford": a given name English does not use opens it
                    yield from self._split(words, lw, lo, k)
                    yield from self._split(words, lw, k, hi)
                    return
            # "Senior Kory Lichtensteiger", "Juniors Erique Dozier": English words before a name
            # of words English does not use describe the person.
            for k in range(max(lo + 1, hi - 3), hi - 1):
                if all(
                    english(w) and w not in WORLD and w not in FIRST_NAMES for w in lw[lo:k]
                ) and unenglish(words[k:hi], lw[k:hi], self.lower):
                    yield from self._split(words, lw, k, hi)
                    return
        if (
            hi - lo >= 3
            and head not in ORG_HEADS
            and head not in OTHER_HEADS
            and head not in PLACE_HEADS
            and not _team(words[hi - 1], head)
        ):
            for k in range(hi - 2, lo, -1):
                if (
                    spelling_key(" ".join(words[lo:k])) in GAZ
                    and lw[k] not in _PLACE_JOINS  # "Frankfurt am Main"
                    and not (k == lo + 1 and lw[k] in FIRST_NAMES and lw[k + 1] not in GAZ)
                ):  # "Chad Edward Gaudin", "Jordan Lee Smith": a given name, then the person's
                    yield lo, k, {PLACE: 3}, False
                    yield from self._split(words, lw, k, hi)
                    return
        if not headed:
            while lo < hi and (
                all(is_demonym(p) for p in lw[lo].split("-"))
                or (lw[lo] in COMPASS and lo + 1 < hi and lw[lo + 1] in DEMONYMS)
            ):
                if lo + 1 < hi and spelling_key(" ".join(words[lo + 1 : hi])) in WORLD:
                    break  # "British Columbia", "Western Australia": a place of its own
                lo += 1
            # A first word the text mostly writes in lower case only opens the sentence ("Died
            # Abner").
            while (
                hi - lo > 1
                and not words[lo].isupper()
                and lw[lo] not in COMPASS  # "South Bridgton", "East Denny Way"
                and (
                    self.lower.get(lw[lo], 0) > self.cap_all[words[lo]]
                    or (lw[lo].endswith("ly") and self.lower.get(lw[lo]))
                )
            ):
                lo += 1
            if lo >= hi:
                return
        if hi - lo == 1:
            w, wl = words[lo], lw[lo]
            if (
                wl in COMPASS
                or wl in PLACE_HEADS
                or (not w.isupper() and (wl in COMMON or self.lower.get(wl, 0) >= self.cap_all[w]))
            ):
                return
            parts = w.split("-")
            if (
                len(parts) > 1
                and all(p[:1].isupper() and p.isalpha() for p in parts)
                and spelling_key(w) not in GAZ
            ):
                yield lo, hi, {}, True
                return
        yield lo, hi, {}, False
