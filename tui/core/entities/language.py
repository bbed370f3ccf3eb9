"""Is a text English? Entity cues (capitals, titles, "said") are English habits: other languages
capitalise nouns (German) or open sentences with any word, so their names need stronger evidence,
and a view may tell the reader that entity and match quality are tuned for English."""

from __future__ import annotations

import re

from ..model import Sentence
from .lexicon import STOP

_WORD_RE = re.compile(r"[^\W\d_]+")
# The commonest function words of German, French, Spanish, Italian, Portuguese and Dutch that are
# not English words: evidence of another language, where few English ones is no evidence (a
# telegraphic English line full of names has few of either).
_OTHER_FUNCTION = frozenset(
    """der die das den dem des und ist nicht mit auf für von zu ein eine einer sich auch wird
    le la les et est des une du pour dans que qui pas sur au aux avec ce cette sont
    el los las y es por para con una del que se lo su al como más pero
    il della di che è non sono gli nel alla per una
    o os da do em um uma não com para na no dos
    het een en van zijn niet met op voor ook dat er bij""".split()
)
_DECIDES = 4  # fewer function words than this say too little either way
# Below this share of the function words, a text reads as another language.
_ENGLISH_SHARE = 0.5


def english_share(text: str) -> float | None:
    """English function words against them and other languages' (0..1), or None when a text has
    too few of either to say; a text mostly in another script (Cyrillic, Chinese...) scores 0."""
    words = _WORD_RE.findall(text)
    if not words:
        return None
    latin = sum(w.isascii() or w[0] < "\u0250" for w in words)
    if latin * 2 < len(words) and len(words) >= 2:
        return 0.0
    english = other = 0
    for w in words:
        wl = w.lower()
        english += wl in STOP
        other += wl in _OTHER_FUNCTION
    if english + other < _DECIDES and other < 2:
        return None
    return english / (english + other)


def foreign_sentences(text: str, sentences: tuple[Sentence, ...]) -> set[int]:
    """Positions of the sentences that are not English; a short one goes with the text as a whole.

    A text that reads as English in a sample has only its non-ASCII sentences checked (an
    embedded Russian post): a book is not read twice for this."""
    english_text = _sample_share(text) >= _ENGLISH_SHARE
    foreign, undecided = set(), []
    for k, s in enumerate(sentences):
        piece = text[s.start : s.end]
        if english_text and piece.isascii():
            continue
        share = english_share(piece)
        if share is None:
            undecided.append(k)
        elif share < _ENGLISH_SHARE:
            foreign.add(k)
    if not english_text:
        foreign.update(undecided)
    return foreign


def _sample_share(text: str) -> float:
    """english_share over up to ten spread pieces of 2,000 characters."""
    step = max(2000, len(text) // 10)
    share = english_share(" ".join(text[i : i + 2000] for i in range(0, len(text), step)))
    return 1.0 if share is None else share


def language_hint(text: str) -> str:
    """ "en" when the text reads as English, else "other" (for a notice in the views)."""
    return "en" if _sample_share(text) >= _ENGLISH_SHARE else "other"
