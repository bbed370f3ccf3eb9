"""Entities (PERSON, PLACE, ORG, DATE, NUMBER) of one text and of two: short forms joined to full
names, spelling variants joined across the texts. Mentions themselves come from `mentions.Scanner`.
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from itertools import starmap

from rapidfuzz.fuzz import ratio

from ..model import ENTITY_TYPES, LEFT, RIGHT, Entity, Span
from ..text.document import Document, as_document
from .lexicon import (
    CONNECTORS,
    FIRST_NAMES,
    GAZ,
    GENERIC,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    STOP,
    WORLD,
    is_common,
    spelling_key,
)
from .mentions import SATURATED, WEAK, Cluster, Scanner, vote_type
from .variants import distinctive, has_cyrillic, headed_phrases, lower_head_mentions, sound_key
from .votes import BORNE_TITLES

# Votes a name outside English text needs to be listed: a gazetteer place, a head word, a title.
_STRONG = 2.0
# The vote a town's name earns by itself (votes.name_votes), and the context votes per mention
# below which a surname that a town bears is read as the surname.
_TOWN = 2.0
_PLACED = 0.75
# The type a name with no cue of its own borrows from the names listed with it ("A, B and C").
_LISTED = 0.5


@contextmanager
def _bulk():
    """Pause the cycle collector: a book makes ~10^5 small containers, all kept until the end, and
    each full collection would walk them (and both documents) again for nothing; it resumes
    afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sureness(c: Cluster) -> float:
    """How strongly, per mention, the cues back the cluster's type ("to Peter" is weak, a country
    strong)."""
    return max(c.votes.values(), default=0) / max(1, len(c.spans))


def _voting(clusters) -> int:
    """How many mentions of these clusters cast votes."""
    return sum(min(len(c.spans), SATURATED) for c in clusters)


def _surname_of_town(c: Cluster, other: float, people: list[Cluster]) -> bool:
    """Whether a bare word that a person's full name in the text ends with is that person's
    surname though a town bears it ("Belgrano" after "Manuel Belgrano", "Norton" after "Ken
    Norton"): the town list's vote aside, the words around it place it less than once a mention.
    A country or a capital (the gazetteer) is not read so."""
    if c.key in GAZ or c.key not in WORLD or not any(p.words[-1] == c.key for p in people):
        return False
    voting = min(len(c.spans) + sum(c.aside.values()), SATURATED)
    return other - _TOWN * voting < _PLACED * voting


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in STOP and w not in CONNECTORS)


def _scanned(docs: list[Document]) -> list[tuple[Scanner, list[Cluster]]]:
    """Each document's scanner and clusters, with the names any of them writes with a capital head
    found again where a text writes the head in lower case ("Korean peninsula")."""
    parts = []
    for doc in docs:
        scanner = Scanner(doc)
        parts.append((scanner, scanner.run()))
    phrases = headed_phrases(
        f for _, clusters in parts for c in clusters if c.kind is None for f in c.forms
    )
    if not phrases:
        return parts
    for scanner, clusters in parts:
        by_key = {k: c for c in clusters if c.kind is None for k in c.keys}
        for start, end, form in lower_head_mentions(scanner.masked, phrases, scanner.taken):
            key = spelling_key(form)
            cluster = by_key.get(key)
            if cluster is None:
                cluster = by_key[key] = Cluster(key, None, start, keys={key})
                clusters.append(cluster)
            scanner.mention(cluster, start, end, " ".join(scanner.text[start:end].split()))
            scanner.taken[start:end] = b"\1" * (end - start)
    return parts


def _clusters(scanner: Scanner, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters of one document, short forms joined to the full names they stand for."""
    names = [c for c in clusters if c.kind is None]
    for c in names:
        # "Armand (vocals), Ronald (drums)": a known given name the text does not use as a word,
        # and nothing else said about it, names a person; once for the name, not per mention.
        if (
            len(c.words) == 1
            and c.key in FIRST_NAMES
            and c.key not in WORLD
            and max(c.votes.values(), default=0) < WEAK
            and not is_common(c.key, scanner.lower)
            and not any(f.isupper() for f in c.forms)
        ):
            c.votes[PERSON] += WEAK
    for c in names:  # a name with no cue of its own takes the type of the names listed with it
        if c.links and max(c.votes.values(), default=0) < _LISTED:
            typed = Counter(other.type for other in c.links if other.type != OTHER)
            if typed:
                c.votes[typed.most_common(1)[0][0]] += _LISTED
    for c in names:  # links are spent: without their cycles, clusters go as soon as they are unused
        c.links.clear()
    people: dict[str, list[Cluster]] = defaultdict(list)
    orgs: dict[str, list[Cluster]] = defaultdict(list)
    for c in names:
        if len(c.words) >= 2 and c.type == PERSON:
            for w in {c.words[0], c.words[-1]}:
                people[w].append(c)
        elif len(c.words) >= 2 and c.type == ORG:
            for w in {c.words[0], _initials(c.words)}:
                orgs[w].append(c)
    gone: set[int] = set()
    for c in names:
        if len(c.words) != 1:
            continue
        other = c.votes[PLACE] + c.votes[ORG]
        if people.get(c.key) and (
            c.votes[PERSON] >= other or other < 1 or _surname_of_town(c, other, people[c.key])
        ):
            # An ambiguous short form ("Kim") goes to the namesake the text is most about.
            target = max(people[c.key], key=lambda f: (len(f.spans), -f.first))
            if len(c.spans) > 20 * len(
                target.spans
            ):  # "Judah" x800 is not short for a one-off "Shuah Judah"
                continue
            c.votes[PLACE] = c.votes[ORG] = 0  # the text named the person: its stray cues go
        elif (
            (c.type == ORG or c.votes[PERSON] + other < 1)
            and len(orgs.get(c.key, ())) == 1
            and orgs[c.key][0].first < max((start for start, _ in c.spans), default=c.first)
        ):
            # "Apple" for "Apple Inc", "RIA" for "RIA Novosti": a short form is used after the
            # full name; a "Reuters" byline before "a Reuters TV crew" names the agency itself.
            target = orgs[c.key][0]
        else:
            continue
        target.absorb(c)
        gone.add(id(c))
    _join_opening_words(names, gone)
    clusters = [c for c in clusters if id(c) not in gone]
    by_key = {k: c for c in clusters if c.kind is None for k in c.keys}
    for start, word in scanner.compounds:
        parts = [(m, by_key.get(spelling_key(m.group()))) for m in re.finditer(r"[^-]+", word)]
        if not any(target for _, target in parts):
            # "Saxony-Anhalt", "Toshiba-EMI": no part is named alone, so the whole is one name
            cluster = scanner.emit(start, start + len(word), (word,))
            if cluster.key not in by_key:
                by_key[cluster.key] = cluster
                clusters.append(cluster)
            continue
        for m, target in parts:
            if target is not None:
                scanner.mention(target, start + m.start(), start + m.end(), m.group())
    return clusters


def _join_opening_words(names: list[Cluster], gone: set[int]) -> None:
    """A name of two words or more that opens one organisation's longer name in the text is that
    organisation ("Fairmont State" for "Fairmont State University"), unless it is a known place
    or a person ("John Smith" and the "John Smith Foundation")."""
    openings: dict[tuple[str, ...], list[Cluster]] = defaultdict(list)
    for c in names:
        if len(c.words) >= 3 and c.type == ORG:
            for k in range(2, len(c.words)):
                openings[tuple(c.words[:k])].append(c)
    if not openings:
        return
    for c in names:
        if id(c) in gone or len(c.words) < 2 or c.type in (ORG, PERSON) or c.key in WORLD:
            continue
        targets = openings.get(tuple(c.words), ())
        if len(targets) == 1:
            targets[0].absorb(c)
            gone.add(id(c))


def _label(forms: Counter) -> str:
    """The fullest spelling, capitalised, then the most used, then the plainest."""
    if len(forms) == 1:
        return next(iter(forms))
    return max(
        forms,
        key=lambda f: (
            len(f.split()) - (f.split(" ", 1)[0].lower() in BORNE_TITLES),  # "David", "King David"
            all(w[:1].isupper() for w in f.split()),
            forms[f],
            -len(f),
            -sum(not ch.isalnum() for ch in f),
            f,
        ),
    )


def _aliases(label: str, forms: Counter, aside: Counter) -> tuple[str, ...]:
    """The other forms, most used first; forms seen only in boilerplate come last."""
    used = sorted((f for f in forms if f != label), key=lambda f: (-forms[f], f))
    return (*used, *sorted(f for f in aside if f != label and f not in forms))


def _trusted(c: Cluster) -> bool:
    """Named in the article itself, and in English or with strong cues of its own (a gazetteer
    place, an organisation word, a title): other languages' capitals say little."""
    return c.content and (c.native or max(c.votes.values(), default=0) >= _STRONG)


def _entity(members: list[tuple[str, Cluster]]) -> Entity | None:
    if not any(_trusted(c) for _, c in members):
        return None
    if len(members) == 1:  # most names of a book: nothing to merge
        side, c = members[0]
        label = _label(c.forms)
        return Entity(
            label,
            c.kind or vote_type(c.votes, _voting([c])),
            _aliases(label, c.forms, c.aside),
            {LEFT: (), RIGHT: (), side: tuple(starmap(Span, sorted(set(c.spans))))},
        )
    forms: Counter = Counter()
    aside: Counter = Counter()
    votes: Counter = Counter()
    mentions: dict[str, set[tuple[int, int]]] = {LEFT: set(), RIGHT: set()}
    kind = None
    for side, c in members:
        forms.update(c.forms)
        aside.update(c.aside)
        votes.update(c.votes)
        mentions[side].update(c.spans)
        kind = kind or c.kind
    label = _label(forms)
    return Entity(
        label,
        kind or vote_type(votes, _voting(c for _, c in members)),
        _aliases(label, forms, aside),
        {side: tuple(starmap(Span, sorted(spans))) for side, spans in mentions.items()},
    )


def _ordered(entities: list[Entity | None], sides: tuple[str, ...]) -> list[Entity]:
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    kept = [e for e in entities if e is not None]
    if sides == (LEFT,):
        kept = [Entity(e.label, e.type, e.aliases, {LEFT: e.on(LEFT)}) for e in kept]
    return sorted(
        kept,
        key=lambda e: (order[e.type], -sum(len(v) for v in e.mentions.values()), e.label.lower()),
    )


def extract_entities(doc: Document | str) -> list[Entity]:
    """Entities of one document; mentions are under the "left" key."""
    doc = as_document(doc, "text")
    with _bulk():
        (part,) = _scanned([doc])
        return _ordered([_entity([(LEFT, c)]) for c in _clusters(*part)], (LEFT,))


def _similar(a: list[str], b: list[str]) -> bool:
    """Same name spelled differently: equal length, one word shared, the others close variants."""
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    if not diffs or len(diffs) == len(a):
        return False
    return all(min(len(x), len(y)) >= 4 and x[0] == y[0] and ratio(x, y) >= 80 for x, y in diffs)


def link_entities(left: Document, right: Document) -> list[Entity]:
    """Entities of both documents, one entry per real-world thing across the two."""
    with _bulk():
        return _link(as_document(left, "left"), as_document(right, "right"))


def _link(left: Document, right: Document) -> list[Entity]:
    (left_part, right_part) = _scanned([left, right])
    items = [(LEFT, c) for c in _clusters(*left_part)]
    items += [(RIGHT, c) for c in _clusters(*right_part)]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    owner: dict[str, int] = {}
    for i, (side, c) in enumerate(items):
        if side == LEFT:
            for k in c.keys:
                owner.setdefault(k, i)
    for i, (side, c) in enumerate(items):
        if side == RIGHT:
            for k in c.keys:
                j = owner.get(k)
                if j is not None:
                    other = items[j][1]
                    # One word typed differently on the two sides merges unless both are sure.
                    weak = min(_sureness(other), _sureness(c)) < 1.5
                    if " " in k or other.type == c.type or weak:
                        union(i, j)
    names = [i for i, (_, c) in enumerate(items) if c.kind is None]
    blocks: dict[str, list[int]] = defaultdict(list)
    reduced: Counter = Counter()
    for i in names:
        side, c = items[i]
        if side == RIGHT:
            for w in set(c.words):
                if len(w) >= 4 and w not in STOP:
                    blocks[w].append(i)
        if c.type == ORG:
            reduced[side, tuple(w for w in c.words if w not in GENERIC)] += 1
    for i in names:
        side, c = items[i]
        if side != LEFT or len(c.words) < 2:
            continue
        seen: set[int] = set()
        for w in set(c.words):
            block = blocks.get(w, ())
            if len(block) > 50:
                continue
            for j in block:
                d = items[j][1]
                # OTHER is an open kind: it may be the other text's person or place.
                if (
                    j in seen
                    or find(i) == find(j)
                    or (d.type != c.type and OTHER not in (c.type, d.type))
                ):
                    continue
                seen.add(j)
                core = tuple(w for w in c.words if w not in GENERIC)
                generic = (
                    c.type == ORG
                    and len(core) >= 2
                    and core == tuple(x for x in d.words if x not in GENERIC)
                    and reduced[LEFT, core] == 1
                    and reduced[RIGHT, core] == 1
                )
                if generic or _similar(c.words, d.words):
                    union(i, j)
    _link_one_word_variants(items, find, union)
    _link_across_scripts(items, find, union)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    _join_short_forms(items, groups, find, union)
    final: dict[int, list[tuple[str, Cluster]]] = defaultdict(list)
    for i, item in enumerate(items):
        final[find(i)].append(item)
    return _ordered([_entity(m) for m in final.values()], (LEFT, RIGHT))


def _link_one_word_variants(items: list, find, union) -> None:
    """One-word names spelled differently ("Alphaeus"/"Alpheus"): same type, same start, close."""
    keys = {side: {c.key for s, c in items if s == side} for side in (LEFT, RIGHT)}
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (side, c) in enumerate(items):
        if side == RIGHT and c.kind is None and len(c.words) == 1 and len(c.key) >= 6:
            blocks[c.key[:2], c.type].append(i)
    for i, (side, c) in enumerate(items):
        # Both spellings in one text would mean two names, not one spelled two ways.
        if (
            side != LEFT
            or c.kind is not None
            or len(c.key) < 6
            or c.key in keys[RIGHT]
            or len(c.words) != 1
        ):
            continue
        for j in blocks.get((c.key[:2], c.type), ()):
            d = items[j][1]
            if d.key not in keys[LEFT] and find(i) != find(j) and ratio(c.key, d.key) >= 88:
                union(i, j)


def _link_across_scripts(items: list, find, union) -> None:
    """A Cyrillic name joins the Latin name that sounds the same ("Ким Чен Ына", "Kim Jong Un"),
    when that sound belongs to one entity only."""
    cyrillic = [i for i, (_, c) in enumerate(items) if c.kind is None and has_cyrillic(c.key)]
    if not cyrillic:
        return
    latin: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, c) in enumerate(items):
        if c.kind is None and not has_cyrillic(c.key):
            key = sound_key(c.words)
            if distinctive(key):
                latin[key].append(i)
    for i in cyrillic:
        targets = latin.get(sound_key(items[i][1].words), ())
        if targets and len({find(j) for j in targets}) == 1:
            union(i, targets[0])


def _join_short_forms(items: list, groups: dict[int, list[int]], find, union) -> None:
    """A surname or acronym one text uses alone joins the full name the other text gives."""
    full: dict[tuple[str, str], set[int]] = defaultdict(set)
    size = {root: sum(len(items[i][1].spans) for i in members) for root, members in groups.items()}
    shorts = []
    for root, members in groups.items():
        cs = [items[i][1] for i in members]
        if any(c.kind for c in cs) or not any(c.content for c in cs):
            continue  # a name seen only in credits is no one's short form
        votes = Counter()
        for c in cs:
            votes.update(c.votes)
        kind = vote_type(votes, _voting(cs))
        longest = max(cs, key=lambda c: len(c.words))
        if len(longest.words) == 1:
            # A bare word with only weak cues ("the Trump administration") may still be a surname.
            if votes[PERSON] >= votes[PLACE] + votes[ORG] or votes[PLACE] + votes[ORG] < 1:
                shorts.append((root, PERSON, longest.key))
            if kind != PERSON:
                shorts.append((root, kind, longest.key))
        elif kind == PERSON:
            for c in cs:
                if len(c.words) >= 2:
                    full[PERSON, c.words[0]].add(root)
                    full[PERSON, c.words[-1]].add(root)
        elif kind in (ORG, PLACE):  # "Elysee" for "Elysee Palace", "RIA" for "RIA Novosti"
            for c in cs:
                if len(c.words) >= 2:
                    full[ORG, c.words[0]].add(root)
                    full[ORG, _initials(c.words)].add(root)
    for root, kind, key in shorts:
        if find(root) != root:
            continue
        cands = full.get((kind, key), set())
        if kind == PERSON and cands:
            target = max(cands, key=lambda r: (size[r], -r))
            if size[root] <= 20 * size[target]:
                union(root, target)
        elif kind == ORG and len(cands) == 1:
            union(root, next(iter(cands)))
