"""Read WordNet 3 database files (data.*, index.*, *.exc) into what the concept table is cut from.

A sense is (synset offset, part of speech); a lemma's senses come in WordNet's order, commonest
first. Derivation links join two lemmas of two senses (retaliate v 1 -> retaliation n 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# Lexical pointers that tie two words of one family: derivation, pertainym (presidential ->
# president), participle (elected -> elect).
FAMILY_POINTERS = frozenset({"+", "\\", "<"})

Sense = tuple[int, str]


@dataclass(slots=True)
class WordNet:
    # lemma -> pos -> its senses, commonest first ("arrive" -> "v" -> [(2005966, "v"), ...])
    senses: dict[str, dict[str, list[Sense]]] = field(default_factory=dict)
    # sense -> its member lemmas in order, names capitalised
    members: dict[Sense, list[str]] = field(default_factory=dict)
    # sense -> its gloss ("elect for another term in office")
    gloss: dict[Sense, str] = field(default_factory=dict)
    # sense -> its lexicographer file number (18: noun.person, 15: noun.location)
    lexfile: dict[Sense, int] = field(default_factory=dict)
    # (lemma, sense, lemma, sense) for each family pointer
    family: list[tuple[str, Sense, str, Sense]] = field(default_factory=list)
    # irregular form -> its lemmas (went -> go, men -> man)
    irregular: dict[str, list[str]] = field(default_factory=dict)
    # (lemma, pos) -> how many of its first senses were ever seen in WordNet's tagged corpora
    tagged: dict[tuple[str, str], int] = field(default_factory=dict)


def read_wordnet(folder: Path) -> WordNet:
    """All four parts of speech of the WordNet database in folder."""
    wn = WordNet()
    links: list[tuple[str, Sense, int, Sense]] = []
    for name, pos in POS.items():
        _read_index(folder / f"index.{name}", pos, wn)
        links += _read_data(folder / f"data.{name}", wn)
        for line in _lines(folder / f"{name}.exc"):
            form, *lemmas = line.split()
            wn.irregular.setdefault(form, []).extend(lemmas)
    # A pointer names the target's word by its place in the target synset, read only now.
    wn.family = [
        (word, sense, wn.members[other][dest - 1], other) for word, sense, dest, other in links
    ]
    return wn


def _lines(path: Path) -> list[str]:
    """The entries of a database file: its licence header lines start with a blank."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1].strip()]


def _read_index(path: Path, pos: str, wn: WordNet) -> None:
    for line in _lines(path):
        fields = line.split()
        lemma, n_senses, n_pointers = fields[0], int(fields[2]), int(fields[3])
        tagged = int(fields[5 + n_pointers])
        offsets = fields[6 + n_pointers : 6 + n_pointers + n_senses]
        wn.senses.setdefault(lemma, {})[pos] = [(int(o), pos) for o in offsets]
        wn.tagged[(lemma, pos)] = tagged


def _read_data(path: Path, wn: WordNet) -> list[tuple[str, Sense, int, Sense]]:
    """Synsets' members into wn; returns the family pointers, their targets' words still numbers."""
    links = []
    for line in _lines(path):
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        offset, kind, n_words = int(fields[0]), fields[2], int(fields[3], 16)
        sense = (offset, "a" if kind == "s" else kind)
        words = [_lemma(w) for w in fields[4 : 4 + 2 * n_words : 2]]
        wn.members[sense] = words
        wn.lexfile[sense] = int(fields[1])
        wn.gloss[sense] = gloss.strip()
        at = 4 + 2 * n_words
        for i in range(int(fields[at])):
            symbol, target, target_pos, ends = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            source, dest = int(ends[:2], 16), int(ends[2:], 16)
            if symbol in FAMILY_POINTERS and source and dest:
                other = (int(target), "a" if target_pos == "s" else target_pos)
                links.append((words[source - 1], sense, dest, other))
    return links


def _lemma(word: str) -> str:
    """A data file's word, its case kept (names are capitalised), adjective markers cut ("(a)")."""
    return word.split("(", 1)[0]
