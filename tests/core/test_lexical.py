"""General-English rarity and meaning of word keys, read from the tables diptych ships."""

import fnmatch
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.text import lexical
from tui.core.text.tokens import normalise

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


def _package_data() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return config["package-data"]["tui.core.data"]


def test_tables_and_their_licences_ship_as_package_data():
    shipped = {
        p.name for p in DATA.iterdir() if any(fnmatch.fnmatch(p.name, g) for g in _package_data())
    }
    assert {"zipf_en.txt", "LICENSE-wordfreq.txt"} <= shipped
    notice = (DATA / "LICENSE-wordfreq.txt").read_text()
    assert "CC BY-SA 4.0" in notice and "Robyn Speer" in notice


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
    code = "import sys; sys.path.insert(0, sys.argv[1]); from tui.core.text import lexical; print(lexical.zipf('peopl'))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) > 5.5
