"""The words figures are written with: scales, currencies, units, hedges, ordinals."""

from __future__ import annotations

from .words import MONTHS, NUMBER_WORDS, WEEKDAYS

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mln": 1e6,
    "bln": 1e9,
    "bn": 1e9,
    "tn": 1e12,
}
# One-letter scales only straight after digits ("$5m", "$3bn" split as "5" "m").
SHORT_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}
SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
CURRENCIES = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "won": "KRW",
    "rupee": "INR",
    "rupees": "INR",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "sterling": "GBP",
    "pence": "GBP",
}
PERCENT = {"%", "percent", "pct", "pc"}
# Dimension and size in the base unit (metre, kilogram, second, litre, metre per second).
UNITS: dict[str, tuple[str, float]] = {}
for _names, _dim, _size in (
    ("m metre metres meter meters", "length", 1.0),
    ("km kilometre kilometres kilometer kilometers", "length", 1e3),
    ("cm centimetre centimetres centimeter centimeters", "length", 1e-2),
    ("mm millimetre millimetres millimeter millimeters", "length", 1e-3),
    ("mi mile miles", "length", 1609.344),
    ("ft foot feet", "length", 0.3048),
    ("yard yards", "length", 0.9144),
    ("kg kilogram kilograms kilo kilos", "mass", 1.0),
    ("g gram grams", "mass", 1e-3),
    ("t tonne tonnes ton tons", "mass", 1e3),
    ("lb lbs pound pounds", "mass", 0.45359237),
    ("second seconds sec secs", "time", 1.0),
    ("minute minutes min mins", "time", 60.0),
    ("hour hours hr hrs", "time", 3600.0),
    ("day days", "time", 86400.0),
    ("week weeks", "time", 604800.0),
    ("month months", "time", 2629800.0),
    ("year years yr yrs", "time", 31557600.0),
    ("decade decades", "time", 315576000.0),
    ("century centuries", "time", 3155760000.0),
    ("l litre litres liter liters", "volume", 1.0),
    ("gallon gallons", "volume", 3.785411784),
    ("barrel barrels", "volume", 158.987294928),
    ("kph", "speed", 1 / 3.6),
    ("mph", "speed", 0.44704),
    ("hectare hectares ha", "area", 1e4),
    ("acre acres", "area", 4046.8564224),
):
    for _name in _names.split():
        UNITS[_name] = (_dim, _size)
# Words that hedge the figure after them.
HEDGES = frozenset(
    "nearly almost about around roughly some approximately over under more less fewer than "
    "least most up to upwards estimated circa".split()
)
ORDINAL_WORDS = {
    w: float(i)
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
        1,
    )
}
ORDINAL_WORDS.update(
    {
        w: 10.0 * i
        for i, w in enumerate(
            "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(),
            2,
        )
    }
)
FRACTIONS = frozenset(
    "half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths eighth "
    "eighths ninth ninths tenth tenths".split()
)
# Numbers below a hundred written as one word, with the older scores (threescore = 60).
SMALL_NUMBERS = {w: float(v) for w, v in NUMBER_WORDS.items() if int(v) < 100}
SMALL_NUMBERS.update({f"{w}score": 20.0 * v for w, v in list(SMALL_NUMBERS.items()) if 1 < v < 11})
# Month names that are also plain words or names (May, March, "Jan") count alone only after a
# word that introduces a time ("in March"); beside a day or a year they always count.
MONTH_ALONE = frozenset(n for n in MONTHS if len(n) > 4 and n != "march")
BEFORE_MONTH = frozenset("in since until by from last next early late mid this of".split())
WEEKDAY = {name.capitalize(): i for i, name in enumerate(WEEKDAYS)}
# Words after a four-digit figure that make it a count, not a year.
COUNT_AFTER = frozenset("people troops soldiers times".split())
