"""General-English rarity and meaning of word keys, read from the tables diptych ships."""

import fnmatch
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.text import lexical
from tui.core.text.tokens import keys, normalise

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tui" / "core" / "data"


def key(word: str) -> str:
    k = normalise(word)
    assert k is not None, word
    return k


def test_everyday_words_are_common_and_topic_words_rare():
    assert lexical.zipf(key("new")) > 5.5
    assert lexical.zipf(key("made")) > 5.5
    assert lexical.zipf(key("don't")) > 5.5
    assert lexical.zipf(key("sanctions")) < 4.5
    assert lexical.zipf(key("retaliation")) < 4.0
    assert lexical.background_idf(key("new")) < lexical.background_idf(key("sanctions"))
    assert lexical.background_idf(key("sanctions")) < lexical.background_idf(key("Vladivostok"))


def test_inflected_forms_share_one_frequency():
    assert (
        lexical.zipf(key("arrived")) == lexical.zipf(key("arrives")) == lexical.zipf(key("arrive"))
    )


def test_unseen_keys_are_rarest():
    assert lexical.zipf("qqxzv") == lexical.UNSEEN_ZIPF
    assert lexical.zipf(key("5")) == lexical.UNSEEN_ZIPF  # numbers are slots, not words
    assert min(lexical._zipf_table().values()) > lexical.UNSEEN_ZIPF


def test_table_is_keyed_as_tokens_key_words_today():
    """Fails when tokens.normalise changes its keys: rebuild with tools/build_lexicon.py."""
    common = "people government country president minister announced leaders reported cities"
    missing = [w for w in common.split() if key(w) not in lexical._zipf_table()]
    assert not missing


def related(a: str, b: str) -> str | None:
    return lexical.related(key(a), key(b))


def test_word_families_are_found():
    assert related("retaliate", "retaliation") == lexical.FAMILY
    assert related("agreement", "agree") == lexical.FAMILY
    assert related("elected", "election") == lexical.FAMILY
    assert related("went", "go") == lexical.FAMILY
    assert related("presidential", "president") == lexical.FAMILY
    assert related("defence", "defense") == lexical.FAMILY  # spellings, however common


def test_a_shared_id_tells_family_from_synonym():
    family = set(lexical.concepts(key("went"))) & set(lexical.concepts(key("go")))
    synonym = set(lexical.concepts(key("purchase"))) & set(lexical.concepts(key("buy")))
    assert {lexical.kind(c) for c in family} == {lexical.FAMILY}
    assert {lexical.kind(c) for c in synonym} == {lexical.SYNONYM}


def test_re_elect_written_either_way_is_one_family():
    (hyphenated,) = keys("re-elected")  # the tokens drop "re"
    (closed,) = keys("reelected")
    assert lexical.related(hyphenated, closed) == lexical.FAMILY
    assert related("returned", "turned") is None  # looks like re- + turn, is not


def test_synonyms_among_first_senses_are_found():
    assert related("purchase", "buy") == lexical.SYNONYM
    assert related("fired", "dismissed") == lexical.SYNONYM
    assert related("declared", "announced") == lexical.SYNONYM


def test_unrelated_words_are_not_joined():
    assert related("arrived", "sanctions") is None
    assert related("bank", "river") is None
    assert related("garden", "gardener") is None  # the agent is not the place
    assert related("get", "arrive") is None  # everyday words' many senses are left out
    assert lexical.concepts("qqxzv") == ()


def test_links_between_two_sentences_skip_what_they_share():
    left = keys("The president vowed to retaliate after he purchased the company.")
    right = keys("Presidential retaliation followed; the president said he would buy it.")
    assert lexical.links(left, right) == [
        (key("purchased"), key("buy"), lexical.SYNONYM),
        (key("retaliate"), key("retaliation"), lexical.FAMILY),
    ]


def test_concept_keys_are_frequency_keys():
    table, families = lexical._concept_table()
    assert 0 < families < max(max(lexical.concepts(k)) for k in table)
    assert all(k in lexical._zipf_table() for k in table)


def _package_data() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return config["package-data"]["tui.core.data"]


def test_tables_and_their_licences_ship_as_package_data():
    shipped = {
        p.name for p in DATA.iterdir() if any(fnmatch.fnmatch(p.name, g) for g in _package_data())
    }
    assert {"zipf_en.txt", "concepts_en.txt", "SOURCES.md"} <= shipped
    assert {"LICENSE-wordfreq.txt", "LICENSE-wordnet.txt"} <= shipped
    notice = (DATA / "LICENSE-wordfreq.txt").read_text()
    assert "CC BY-SA 4.0" in notice and "Robyn Speer" in notice
    assert (
        "WordNet 3.0 Copyright 2006 by Princeton University"
        in (DATA / "LICENSE-wordnet.txt").read_text()
    )


def test_an_installed_copy_reads_its_tables(tmp_path):
    """Only .py files and declared package data are copied, as a wheel would hold them."""
    site = tmp_path / "site"
    globs = _package_data()
    shutil.copytree(
        ROOT / "tui",
        site / "tui",
        ignore=lambda d, names: [
            n
            for n in names
            if not (Path(d, n).is_dir() or n.endswith(".py"))
            and not (Path(d) == DATA and any(fnmatch.fnmatch(n, g) for g in globs))
        ],
    )
    code = "import sys; sys.path.insert(0, sys.argv[1]); from tui.core.text import lexical; print(lexical.zipf('peopl'), lexical.related('retaliat', 'retali'))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    frequency, relation = result.stdout.split()
    assert float(frequency) > 5.5 and relation == lexical.FAMILY
