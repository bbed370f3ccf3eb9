"""General-English knowledge of word keys (the keys tokens.normalise makes), read lazily once.

- zipf(key): background frequency, log10 of uses per billion words (wordfreq; "lik" 6.5,
  "sanction" 3.8); keys absent from the table (names, rare words, numbers, dates) get UNSEEN_ZIPF.
- background_idf(key): -ln of that probability, the rarity to weigh a shared key by.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from itertools import repeat

# The table stops at Zipf 2.0; a key missing from it is rarer, as most names and numbers are.
UNSEEN_ZIPF = 1.5
FREQUENCY_FILE = "zipf_en.txt"
_LN10 = math.log(10)


def zipf(key: str) -> float:
    """The background Zipf value of a key (log10 of uses per billion words)."""
    return _zipf_table().get(key, UNSEEN_ZIPF)


def background_idf(key: str) -> float:
    """-ln of the key's background probability: 5.8 for the commonest key, 17.3 unseen."""
    return (9.0 - _zipf_table().get(key, UNSEEN_ZIPF)) * _LN10


@cache
def _zipf_table() -> dict[str, float]:
    """Key -> Zipf, from lines of "Zipf x10, then its keys" (a bucket per line loads fast)."""
    table: dict[str, float] = {}
    for line in _data_text(FREQUENCY_FILE).splitlines():
        if line.startswith("#"):
            continue
        value, *words = line.split()
        table.update(zip(words, repeat(int(value) / 10)))
    return table


def _data_text(name: str) -> str:
    return resources.files("tui.core.data").joinpath(name).read_text(encoding="utf-8")
