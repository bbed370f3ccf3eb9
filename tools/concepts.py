"""Cut WordNet into concept keys per word key: shared synonym sets, word families, irregular forms.

Two word keys share a concept when (a) a synonym set is among the first senses of a word of each
(purchase v 1 = {buy, purchase}), (b) WordNet links words of theirs as one family (retaliate /
retaliation, president / presidential), or (c) one is a spelling, irregular form or re- form of
the other (defence / defense, went / go, reelect / elect: the tokens drop "re" of "re-elect").
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from wordnet import Sense, WordNet

from tui.core.text.lexical import UNSEEN_ZIPF
from tui.core.text.tokens import WORD, normalise

# Particles that make a phrasal verb of its head: "arrive at" is a sense the word "arrive" carries.
NOUN_PERSON = 18
PARTICLES = frozenset(
    "about across after along around at away back by down for from in into of off on out over "
    "through to together up with".split()
)


@dataclass(frozen=True, slots=True)
class Cut:
    """Which senses count: the first `senses` of each part of speech (never past the senses
    seen tagged in WordNet's corpora, but at least one), for words no commoner than `max_zipf`;
    families between the first `family_senses` senses of each side; phrasal verbs' senses given
    to their head (arrive at -> arrive) or not. The defaults are benchmarks/bench_concepts.py's
    choice on the fit half of news_synth."""

    senses: int = 3
    max_zipf: float = 5.5
    family_senses: int = 3
    phrasal: bool = False
    tagged_only: bool = True
    no_agents: bool = True
    no_names: bool = True


def word_key(lemma: str) -> str | None:
    """The key of a one-word WordNet lemma (underscores join multiword lemmas), else None."""
    if "_" in lemma or WORD.fullmatch(lemma) is None or lemma[0].isdigit():
        return None
    return normalise(lemma)


def first_senses(wn: WordNet, lemma: str, pos: str, count: int, tagged_only: bool) -> list[Sense]:
    senses = wn.senses.get(lemma, {}).get(pos, [])
    if tagged_only:
        count = min(count, max(1, wn.tagged.get((lemma, pos), 0)))
    return senses[:count]


def concept_table(
    wn: WordNet, cut: Cut, zipf: Callable[[str], float]
) -> tuple[dict[str, tuple[int, ...]], int]:
    """Word key -> its concept ids (each shared by two keys or more), for keys of the frequency
    table only; and the number of family ids, numbered before the synonym sets' ids."""
    groups: dict[tuple, set[str]] = defaultdict(set)

    def known(key: str | None) -> bool:
        return key is not None and zipf(key) > UNSEEN_ZIPF

    for lemma, by_pos in wn.senses.items():
        head, *rest = lemma.split("_")
        phrasal = bool(rest) and all(r in PARTICLES for r in rest) and "v" in by_pos
        key = word_key(head) if phrasal and cut.phrasal else word_key(lemma)
        if not known(key) or zipf(key) > cut.max_zipf:
            continue
        for pos in by_pos:
            if phrasal and pos != "v":
                continue
            for sense in first_senses(wn, lemma, pos, cut.senses, cut.tagged_only):
                groups[("syn", sense)].add(key)
    for word, sense, other, other_sense in wn.family:
        a, b = word_key(word), word_key(other)
        if not (known(a) and known(b)) or a == b:
            continue
        # Names (Italy / Italian) are the entity matcher's: a whole article shares them.
        if cut.no_names and (word[0].isupper() or other[0].isupper()):
            continue
        # An agent is not the act or thing (gardener / garden, miner / mine, voter / vote).
        # Adjectives are not concerned: presidential / president stay one family.
        if (
            cut.no_agents
            and {sense[1], other_sense[1]} <= {"n", "v"}
            and (wn.lexfile[sense] == NOUN_PERSON) != (wn.lexfile[other_sense] == NOUN_PERSON)
        ):
            continue
        if sense in first_senses(
            wn, word, sense[1], cut.family_senses, False
        ) and other_sense in first_senses(wn, other, other_sense[1], cut.family_senses, False):
            groups[("family", min(a, b), max(a, b))].update((a, b))
    for members in wn.members.values():
        # British -ce against American -se (defence / defense, offence / offense): one synset.
        spelled = {word_key(m): word_key(m).replace("c", "s") for m in members if word_key(m)}
        for a, b in itertools.combinations(sorted(spelled), 2):
            if spelled[a] == spelled[b] and known(a) and known(b):
                groups[("family", a, b)].update((a, b))
    for form, lemmas in wn.irregular.items():
        for lemma in lemmas:
            a, b = word_key(form), word_key(lemma)
            if known(a) and known(b) and a != b:
                groups[("family", min(a, b), max(a, b))].update((a, b))
    for lemma, by_pos in wn.senses.items():
        a, b = word_key(lemma), word_key(lemma[2:])
        if lemma.startswith("re") and known(a) and known(b) and a != b:
            # reelect is "elect for another term", rebuild "build again": the base leads the
            # gloss. Remove, report and return only look like re- words.
            glossed = {
                word_key(WORD.findall(wn.gloss[sense])[0])
                for pos in by_pos
                for sense in first_senses(wn, lemma, pos, cut.family_senses, False)
            }
            if b in glossed:
                groups[("family", min(a, b), max(a, b))].update((a, b))
    per_key: dict[str, list[tuple]] = defaultdict(list)
    for group, keys in groups.items():
        if len(keys) > 1:
            for key in keys:
                per_key[key].append(group)
    # Family ids come first, so a matcher can tell a family link (id < families) from a synonym.
    ids = {g: i for i, g in enumerate(sorted({g for gs in per_key.values() for g in gs}))}
    table = {key: tuple(sorted(ids[g] for g in per_key[key])) for key in sorted(per_key)}
    return table, sum(1 for g in ids if g[0] == "family")
