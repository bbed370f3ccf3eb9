"""Whether a text reads as English: matching and entities rely on English words and habits."""

from __future__ import annotations

import re

from .. import data

# Enough words to tell, few enough that a book costs no more than an article.
_SAMPLE_CHARS = 20_000
_MIN_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+")
# In English prose about two words in five are function words (news ~0.4, scripture ~0.5); other
# Latin-script languages share only a few of them ("a", "in", "also"), well under one in five.
_MIN_FUNCTION_SHARE = 0.2
_MIN_LATIN_SHARE = 0.5


def likely_english(text: str) -> bool:
    """True unless enough of the text is seen to say it is another language; short texts pass."""
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        # Scripts without spaces between words give few, long "words": judge them by script.
        return not sample or sum(c.isascii() for c in sample) / len(sample) >= _MIN_LATIN_SHARE
    if sum(w.isascii() for w in words) / len(words) < _MIN_LATIN_SHARE:
        return False
    function = data.words("stopwords.txt")
    return sum(w in function for w in words) / len(words) >= _MIN_FUNCTION_SHARE
