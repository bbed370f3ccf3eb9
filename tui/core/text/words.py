"""The vocabulary matching and entities share: month and weekday names, number words, and the
folding of accents and ligatures, so "what is a month" or "which letters fold" is decided once."""

from __future__ import annotations

import unicodedata

# Full names and the short forms news uses; "may" and "march" are also plain words, so each user
# decides when they count as months (beside a day number, say).
MONTHS = {
    name: i
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        1,
    )
    for name in names.split()
}
# Weekday names (lower case) in calendar order, each with its three-letter form.
WEEKDAYS = {d + "day": d[:3] for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {
        w: str(10 * i)
        for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
    }
)
NUMBER_WORDS.update(
    {"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"}
)

# Letters NFKD leaves whole: "Alphæus" is "Alphaeus", "Łódź" is "Lodz".
LIGATURES = {
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
    "ß": "ss",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ł": "l",
    "Ł": "L",
    "ı": "i",
}


def strip_accents(text: str) -> str:
    """`text` without combining marks (é -> e); ASCII is returned as it is."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
