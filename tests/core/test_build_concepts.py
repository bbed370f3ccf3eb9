"""tools/ cuts WordNet into concept ids: checked on a small WordNet written in its file format."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from concepts import Cut, concept_table  # noqa: E402
from wordnet import read_wordnet  # noqa: E402

from tui.core.text.tokens import normalise  # noqa: E402

# offset, lexicographer file, words, pointers (symbol, offset, pos, source/target), gloss
SYNSETS = {
    "verb": [
        (100, 33, ["retaliate"], [("+", 200, "n", "0101")], "take revenge"),
        (500, 41, ["reelect"], [], "elect for another term"),
        (600, 41, ["elect"], [], "select by a vote"),
        (700, 38, ["return"], [], "go back to a place"),
        (800, 38, ["turn"], [], "change direction"),
        (1000, 40, ["buy", "purchase"], [], "obtain by paying"),
        (1100, 38, ["go", "travel"], [], "change location"),
    ],
    "noun": [
        (200, 4, ["retaliation"], [("+", 100, "v", "0101")], "the act of taking revenge"),
        (300, 18, ["gardener"], [("+", 400, "n", "0101")], "someone who gardens"),
        (400, 6, ["garden"], [("+", 300, "n", "0101")], "a plot of ground"),
        (900, 4, ["defence", "defense"], [], "protection from harm"),
    ],
    "adj": [],
    "adv": [],
}


def _write_wordnet(folder: Path) -> None:
    for name, synsets in SYNSETS.items():
        data, index = [], {}
        for offset, lexfile, words, pointers, gloss in synsets:
            pos = name[0] if name != "adj" else "a"
            ptrs = " ".join(f"{s} {o:08d} {p} {st}" for s, o, p, st in pointers)
            word_part = " ".join(f"{w} 0" for w in words)
            data.append(
                f"{offset:08d} {lexfile:02d} {pos} {len(words):02x} {word_part} "
                f"{len(pointers):03d} {ptrs} | {gloss}".replace("  ", " ")
            )
            for w in words:
                index.setdefault(w, []).append(offset)
        (folder / f"data.{name}").write_text("\n".join(data) + "\n")
        (folder / f"index.{name}").write_text(
            "".join(
                f"{w} {name[0] if name != 'adj' else 'a'} {len(o)} 0 {len(o)} {len(o)} "
                + " ".join(f"{x:08d}" for x in o)
                + "\n"
                for w, o in sorted(index.items())
            )
        )
        (folder / f"{name}.exc").write_text("went go\n" if name == "verb" else "")


@pytest.fixture(scope="module")
def related(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wordnet")
    _write_wordnet(folder)
    table, families = concept_table(read_wordnet(folder), Cut(), lambda key: 3.0)

    def relation(a: str, b: str) -> str | None:
        shared = set(table.get(normalise(a), ())) & set(table.get(normalise(b), ()))
        if not shared:
            return None
        return "family" if min(shared) < families else "synonym"

    return relation


def test_derivations_irregular_forms_and_spellings_are_families(related):
    assert related("retaliate", "retaliation") == "family"
    assert related("went", "go") == "family"
    assert related("defence", "defense") == "family"


def test_re_words_join_their_base_only_when_the_gloss_leads_with_it(related):
    assert related("reelect", "elect") == "family"
    assert related("return", "turn") is None


def test_synonym_sets_join_and_agents_do_not(related):
    assert related("buy", "purchase") == "synonym"
    assert related("gardener", "garden") is None
    assert related("buy", "elect") is None


def test_words_commoner_than_the_cut_get_no_synonyms(tmp_path):
    _write_wordnet(tmp_path)
    table, _ = concept_table(read_wordnet(tmp_path), Cut(max_zipf=5.0), lambda key: 6.0)
    assert normalise("purchase") not in table
    assert normalise("went") in table  # an irregular form is the same word, however common
