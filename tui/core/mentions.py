"""Mentions of one text: dates, numbers and names, each cluster keyed by a spelling-insensitive key.

No model: capitalised sequences are judged by the text's own evidence (is the word seen capitalised
mid-sentence, or lower-case elsewhere?), by cue words around them and by the small lists in `data/`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .document import Document
from .lexicon import (
    CAP_RE, COMMON, COMPASS, CONNECTORS, COORD_RE, DATE, DEMONYMS, DIGIT_RE, FIRST_RE,
    GAP_RE, GAZ, GAZ_SAME, LOWER_PART_RE, LOWER_RE, MONTHS, MONTH_PREPS, NUMBER,
    NUM_TAIL_RE, OPENERS, ORG, ORG_AFTER, ORG_HEADS, PERSON, PERSON_CUES, PLACE, PLACE_HEADS,
    PLACE_PREPS, SAY, SEGMENT_RE, SPOKE, STOP, TITLES, WEEKDAYS, WORD_NUMBER_BEFORE_RE, WORD_RE, date_key, date_matches,
    head_word, is_common, lower_counts, mask, next_words, number_key, number_matches, prev_words, scale_words, spelling_key,
)

_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


SATURATED = 25  # mentions after which a name's context casts no more votes: its type is settled
# Below this many votes per voting mention, place or organisation cues are stray ("a letter of John"):
# a name is a person unless the text keeps placing it.
_SURE_RATE = 0.15


def vote_type(votes: Counter | dict, mentions: int) -> str:
    """The type the votes of a name's mentions make; a person when they say little."""
    best = max(votes.items(), key=lambda kv: (kv[1], kv[0] == ORG, kv[0] == PLACE), default=None)
    if best is None or best[1] <= 0 or (best[0] != PERSON and best[1] < _SURE_RATE * mentions):
        return PERSON
    return best[0]


@dataclass(slots=True, eq=False)
class Cluster:
    """Mentions of one thing in one text, with its surface forms and type votes."""

    key: str
    kind: str | None
    first: int
    spans: list[tuple[int, int]] = field(default_factory=list)  # (start, end): Spans are made once, at the end
    forms: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    content: bool = False
    links: list[Cluster] = field(default_factory=list)

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
        self.content |= other.content
        self.first = min(self.first, other.first)


def _kept_form(word: str) -> str | None:
    """The part of a capitalised token that may name something, or None for a stop word."""
    wl = word.lower()
    if wl in STOP and not (word.isupper() and wl in GAZ):
        return None
    if "-" in word:  # "Russia-controlled" names Russia
        cut = LOWER_PART_RE.search(word)
        if cut:
            return word[: cut.start()]
    return word


class Scanner:
    """One pass over one document: dates, names and numbers as clusters keyed by spelling."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.masked = mask(doc.text)
        self.taken = bytearray(len(doc.text) + 1)
        self.sentences = doc.sentences
        self.sent_starts = [s.start for s in doc.sentences]
        # Boilerplate is scanned too (credits such as "Photo / TASS" name real sources), but a name
        # seen only on one-word furniture lines ("XS", "MD") is not listed.
        boiler = [s for s in doc.sentences if s.boilerplate and len(WORD_RE.findall(self.masked, s.start, s.end)) <= 1]
        self.boiler_starts = [s.start for s in boiler]
        self.boiler_ends = [s.end for s in boiler]
        self.clusters: dict[str, Cluster] = {}
        self.lower = lower_counts(self.masked)
        self._title_cache: dict[int, list[tuple[int, int]]] = {}
        self.compounds: list[tuple[int, str]] = []
        self.cap_all: Counter = Counter()
        self._plans: dict[tuple[str, ...], list] = {}
        self._static: dict[str, tuple[str, dict]] = {}

    def run(self) -> list[Cluster]:
        self._dates()
        self._names()
        self._numbers()
        return list({id(c): c for c in self.clusters.values()}.values())

    def _boiler(self, pos: int) -> bool:
        i = bisect_right(self.boiler_starts, pos) - 1
        return i >= 0 and pos < self.boiler_ends[i]

    def _add(self, key: str, kind: str | None, start: int, end: int, votes: dict | None = None,
             surface: str | None = None) -> Cluster:
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = self.clusters[key] = Cluster(key, kind, start, keys={key})
        cluster.spans.append((start, end))
        cluster.forms[surface or " ".join(self.text[start:end].split())] += 1
        if votes:
            for t, v in votes.items():
                cluster.votes[t] += v
        if not cluster.content:
            cluster.content = not self._boiler(start)
        self.taken[start:end] = b"\1" * (end - start)
        return cluster

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def _dates(self) -> None:
        for m in date_matches(self.masked):
            if m.group("yr") and re.match(r"\s+[a-z]+s\b", self.masked[m.end():m.end() + 30]):
                nxt = self.masked[m.end():m.end() + 30].split()[0]
                if nxt not in STOP:
                    continue  # "2000 soldiers" is a count, not a year
            start, end = m.span()
            if m.group("m4"):
                before = self.masked[max(0, start - 12):start].split()
                if not before or before[-1].lower().rstrip("-") not in MONTH_PREPS:
                    continue
            self._add(date_key(m), DATE, start, end)

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
                self._add(number_key(self.masked[lead.start():end]), NUMBER, lead.start(), end)

    # --- names -------------------------------------------------------------------------------

    def _title_segments(self, sent_index: int) -> list[tuple[int, int]]:
        """The headline-case stretches of a sentence: every content word capitalised, some common."""
        s = self.sentences[sent_index]
        segs = [(m.start(), m.end()) for m in SEGMENT_RE.finditer(self.masked, s.start, s.end)
                if self._is_title(m.group())]
        self._title_cache[sent_index] = segs
        return segs

    def _is_title(self, segment: str) -> bool:
        for m in LOWER_RE.finditer(segment):
            if m.group() not in STOP:
                return False
        capitals, common = 0, False
        for m in WORD_RE.finditer(segment):
            w = m.group()
            wl = w.lower()
            if not w[0].isupper():
                if wl not in STOP and not any(c.isupper() for c in w[1:]):  # "iPhone" is capitalised
                    return False
                continue
            capitals += wl not in STOP
            common = common or is_common(wl, self.lower)
        return capitals >= 3 and common

    def _names(self) -> None:
        text, masked = self.text, self.masked
        starts = set()
        for s in self.sentences:
            m = FIRST_RE.search(masked, s.start, s.end)
            if m:
                starts.add(m.start())
        toks: list[list] = []  # [start, end, word, sentence, ambiguous, in_title]
        cap_mid: Counter = Counter()
        cap_all = self.cap_all
        sent_starts, taken, titles = self.sent_starts, self.taken, self._title_cache
        n_sent, sent_ix = len(sent_starts), 0
        # A book repeats a few thousand capitalised forms: what the word alone decides is decided once.
        forms: dict[str, str | None] = {}
        for m in CAP_RE.finditer(masked):
            start, word = m.start(), m.group()
            if taken[start]:
                continue
            kept = forms.get(word, "")
            if kept == "":
                kept = forms[word] = _kept_form(word)
            if kept is None:
                continue
            word = kept
            while sent_ix + 1 < n_sent and sent_starts[sent_ix + 1] <= start:
                sent_ix += 1
            p = start - 1
            while p >= 0 and masked[p] in " \t\n":
                p -= 1
            amb = start in starts or p < 0 or masked[p] in OPENERS
            toks.append([start, start + len(word), word, sent_ix, amb, False])
            cap_all[word] += 1
        # Headline case needs three capitalised words in one sentence: only such sentences are checked.
        per_sentence = Counter(t[3] for t in toks)
        for t in toks:
            if n_sent and per_sentence[t[3]] >= 3:
                segs = titles.get(t[3])
                if segs is None:
                    segs = self._title_segments(t[3])
                if segs and any(a <= t[0] < b for a, b in segs):
                    t[4] = t[5] = True
            if not t[4]:
                cap_mid[t[2]] += 1
        joins = [self._joins(a, b) if b[0] - a[1] <= 12 else None for a, b in zip(toks, toks[1:])] + [None]
        ok = [self._evidence(i, toks, joins, cap_mid) for i in range(len(toks))]
        prev_end = -1
        prev_cluster: Cluster | None = None
        plans, n, i = self._plans, len(toks), 0
        while i < n:
            if not ok[i]:
                i += 1
                continue
            j = i  # the run of tokens i..j that joins into one stretch of name
            while joins[j] is not None and ok[j + 1]:
                j += 1
            if i == j:
                elems = [toks[i]]
                words: tuple[str, ...] = (toks[i][2],)
            else:
                elems = []
                for k in range(i, j + 1):
                    elems.append(toks[k])
                    conn = joins[k]
                    if k != j and conn[1]:
                        elems.append(conn[1])
                words = tuple(e[2] for e in elems)
            i = j + 1
            plan = plans.get(words)
            for lo, hi, votes, compound in plan if plan is not None else self._plan(words):
                start, end = elems[lo][0], elems[hi - 1][1]
                if compound:  # "Putin-Kim": the parts join names found elsewhere, later
                    self.compounds.append((start, words[lo]))
                    continue
                cluster = self._emit(start, end, words[lo:hi], votes)
                if prev_cluster is not None and start - prev_end < 12 and COORD_RE.fullmatch(masked, prev_end, start):
                    cluster.links.append(prev_cluster)
                    prev_cluster.links.append(cluster)
                prev_end, prev_cluster = cluster.spans[-1][1], cluster

    def _joins(self, a: list, b: list) -> tuple | None:
        """How token `a` runs on into `b` (at most 12 characters on): (True, connector element or None), or None."""
        if a[3] != b[3] or a[5] != b[5]:
            return None
        m = GAP_RE.fullmatch(self.masked, a[1], b[0])
        if not m or (m.group(1) and len(a[2]) != 1):
            return None
        conn = m.group(2)
        if conn is None:
            return True, None
        cl = conn.lower()
        if cl not in CONNECTORS and cl != "and":  # "and" stays only inside an organisation's name
            return None
        if cl == "of" and not (a[2].lower() in ORG_HEADS or a[2].lower() in PLACE_HEADS
                               or any(t.startswith(a[2].lower() + " of ") for t in TITLES)):
            return None
        return True, (m.start(2), m.end(2), conn)

    def _evidence(self, i: int, toks: list, joins: list, cap_mid: Counter) -> bool:
        """May token i be part of a name? Sentence-initial and headline capitals need evidence."""
        start, end, w, _, amb, title = toks[i]
        wl = w.lower()
        if (wl in STOP and not (w.isupper() and wl in GAZ)) or wl in MONTHS or wl in WEEKDAYS or (len(w) == 1 and not (joins[i] and joins[i][1] is None)):
            return False
        if not amb:
            return True
        if cap_mid[w] and cap_mid[w] >= self.lower.get(wl, 0):
            return True
        if spelling_key(w) in GAZ:
            return True
        if title:
            return False
        if w.isupper() and len(w) > 1 and not is_common(wl, self.lower):
            return True
        nxt = toks[i + 1] if joins[i] else None
        return bool(nxt and not nxt[4] and not is_common(wl, self.lower) and not wl.endswith(("ly", "ing", "ed")))

    def _plan(self, words: tuple[str, ...]) -> list[tuple[int, int, dict, bool]]:
        """How a run of capitalised words splits into names (memoised: runs repeat)."""
        plan = self._plans.get(words)
        if plan is None:
            plan = self._plans[words] = list(self._split(words, [w.lower() for w in words], 0, len(words)))
        return plan

    def _split(self, words: tuple[str, ...], lw: list[str], lo: int, hi: int):
        """Yield (lo, hi, votes, compound): titles, nationality words and leading places split off."""
        while lo < hi and (lw[lo] in CONNECTORS or lw[lo] == "and"):
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
        if "and" in lw[lo:hi]:
            i = lw.index("and", lo, hi)
            if head not in ORG_HEADS:  # "Moscow and Pyongyang" is two names; "Food and Drug Administration" one
                yield from self._split(words, lw, lo, i)
                yield from self._split(words, lw, i + 1, hi)
                return
        if not headed:
            for i in range(lo, hi):
                for k in (3, 2, 1):
                    if i + k <= hi and " ".join(lw[i:i + k]) in TITLES:
                        yield from self._split(words, lw, lo, i)
                        for a, b, votes, compound in self._split(words, lw, i + k, hi):
                            yield a, b, {PERSON: 3, **votes}, compound
                        return
        if hi - lo >= 3 and head not in ORG_HEADS:
            for k in range(hi - 2, lo, -1):
                if spelling_key(" ".join(words[lo:k])) in GAZ:
                    yield lo, k, {PLACE: 3}, False
                    yield from self._split(words, lw, k, hi)
                    return
        if not headed:
            while lo < hi and (all(p in DEMONYMS for p in lw[lo].split("-"))
                               or (lw[lo] in COMPASS and lo + 1 < hi and lw[lo + 1] in DEMONYMS)):
                lo += 1
            # A first word the text mostly writes in lower case only opens the sentence ("Died Abner").
            while hi - lo > 1 and not words[lo].isupper() and (
                    self.lower.get(lw[lo], 0) > self.cap_all[words[lo]]
                    or (lw[lo].endswith("ly") and self.lower.get(lw[lo]))):
                lo += 1
            if lo >= hi:
                return
        if hi - lo == 1:
            w, wl = words[lo], lw[lo]
            if wl in COMPASS or (not w.isupper() and (wl in COMMON or self.lower.get(wl, 0) >= self.cap_all[w])):
                return
            parts = w.split("-")
            if len(parts) > 1 and all(p[:1].isupper() and p.isalpha() for p in parts) and spelling_key(w) not in GAZ:
                yield lo, hi, {}, True
                return
        yield lo, hi, {}, False

    def _context(self, start: int, end: int, votes: dict) -> None:
        """Votes from the words around a name: titles and roles, place prepositions, org words."""
        prev, of_head, before = prev_words(self.masked, start)
        if of_head in PLACE_HEADS:
            votes[PLACE] += 3
        if prev == "the":  # people seldom take an article: "the Kremlin", "in the Bundestag"
            votes[ORG] += 0.3
            if before in PLACE_PREPS:
                votes[PLACE] += 1
        if prev in PERSON_CUES:
            votes[PERSON] += 2
        elif prev == "to" and before in SPOKE:
            votes[PERSON] += 1
        elif prev in PLACE_PREPS:
            votes[PLACE] += 1
        elif prev in ORG_HEADS:
            votes[ORG] += 2
        elif prev in PLACE_HEADS:
            votes[PLACE] += 2
        nxt, appos, who = next_words(self.masked, end)
        if appos in PERSON_CUES or who:
            votes[PERSON] += 2
        for word in (appos, nxt):
            if word in ORG_HEADS and word != "administration":  # "the Trump administration" is his government
                votes[ORG] += 2
            elif word in PLACE_HEADS:
                votes[PLACE] += 2
        if nxt in ORG_AFTER:
            votes[ORG] += 1
        elif nxt in SAY:
            votes[PERSON] += 0.5

    def _emit(self, start: int, end: int, words: tuple[str, ...], votes: dict) -> Cluster:
        if self.masked[end + 1:end + 2].isdigit():
            tail = NUM_TAIL_RE.match(self.masked, end)
            if tail and tail.group(2).lower() in ORG_HEADS:  # "Rossiya 24 television"
                end = tail.end(1)
        surface = self.text[start:end]
        if (len(words) > 1 or len(surface) != len(words[0])) and _ODD_SPACE.search(surface):
            surface = " ".join(surface.split())
        static = self._static.get(surface)
        if static is None:
            static = self._static[surface] = self._name_votes(surface, words)
        key, base = static
        cluster = self.clusters.get(key)
        if cluster is not None and len(cluster.spans) >= SATURATED:
            cluster.spans.append((start, end))
            cluster.forms[surface] += 1
            if not cluster.content:
                cluster.content = not self._boiler(start)
            self.taken[start:end] = b"\1" * (end - start)
            return cluster
        votes = defaultdict(float, votes)
        for t, v in base.items():
            votes[t] += v
        self._context(start, end, votes)
        return self._add(key, None, start, end, votes, surface)

    def _name_votes(self, surface: str, words: tuple[str, ...]) -> tuple[str, dict]:
        """Votes a name earns by itself: gazetteer, head word, acronym, digits."""
        votes: dict = defaultdict(float)
        key = spelling_key(surface)
        key = GAZ_SAME.get(key, key)  # "U.S." and "United States" are one place
        if key in GAZ:
            votes[PLACE] += 3
        elif key.endswith("s") and key[:-1] in GAZ:
            votes[PLACE] += 2
        head = head_word([w.lower() for w in words])
        if head in ORG_HEADS:
            votes[ORG] += 3
        elif head in PLACE_HEADS:
            votes[PLACE] += 3
        if (surface.replace(".", "").replace("/", "").isupper() and key not in GAZ
                and not self.cap_all.get(surface.title())):  # "CUPERTINO" in a dateline is no acronym
            votes[ORG] += 2
        if DIGIT_RE.search(surface):
            votes[ORG] += 1
        return key, dict(votes)
