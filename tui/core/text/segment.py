"""Blocks (lines, paragraphs) and sentences with [start, end) offsets into the text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Span

# Longest sentence kept whole; longer runs (a 1 MB line, a verse chain joined by semicolons)
# are cut at the best break before this, so no sentence costs unbounded work downstream.
MAX_SENTENCE = 600
_MIN_PIECE = 200

# Titles and words that stand before a name or number and never end a sentence.
_NEVER_FINAL = frozenset(
    """mr mrs ms messrs dr prof sr jr st mt ft gen gov sen rep col lt sgt capt cmdr adm pres rev hon
    vs al approx cf e.g i.e u.s u.k u.n e.u d.c г гг т.е т.к им ул""".split()
)
# Abbreviations that end a sentence only when no number follows ("Jan. 5", "No. 10", "p. 4").
_BEFORE_NUMBER = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols p pp fig figs art sec "
    "ch".split()
)
_CLOSERS = "\"'”’»)]」』）"
_OPENERS = frozenset("\"'“‘«([¿¡")


def _class(chars: str) -> str:
    """The characters, escaped for a regex class."""
    return "".join(re.escape(c) for c in chars)


# A sentence may end after a maximal run of final punctuation with its closing quotes. Latin-script
# ends count only before a space or the block end; CJK, Arabic and Devanagari ends need nothing
# after them, since those scripts run sentences together. After a Latin end, group 2 is the space
# (where the next sentence starts, trimmed) and group 3 the character after it and any opening
# quotes. The pattern opens with a bare class so the engine skips other characters in C.
_FINAL, _SPACELESS = ".!?…。！？؟۔।", "。！？؟۔।"
_SKIP = rf"[\s{_class(''.join(_OPENERS))}]"
_CANDIDATE = re.compile(
    rf"([{_FINAL}][{_FINAL}]*)(?![{_FINAL}])(?:(?<=[{_SPACELESS}])[{_class(_CLOSERS)}]*"
    rf"|[{_class(_CLOSERS)}]*(?![{_class(_CLOSERS)}])(?:\Z|(?=(\s+){_SKIP}*(.?))))"
)
_BREAKS = ("; ", ": ", ", ", "、", "，", " — ", " – ", " ")
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_PARAGRAPH_GAP = re.compile(r"\n[^\S\n]*\n\s*")


def blocks(text: str) -> list[Span]:
    """Non-empty lines, trimmed: the units a sentence never crosses unless joined."""
    return [Span(*m.span()) for m in _LINE.finditer(text)]


def paragraphs(text: str) -> list[Span]:
    """Runs of text separated by blank lines, trimmed."""
    out = []
    start = 0
    for gap in _PARAGRAPH_GAP.finditer(text):
        _append_trimmed(out, text, start, gap.start())
        start = gap.end()
    _append_trimmed(out, text, start, len(text))
    return out


def _append_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Span(start + lead, start + lead + len(stripped)))


@lru_cache(maxsize=1 << 16)
def _token_kind(chunk: str) -> bool | int | None:
    """What the word before a full stop says (books repeat a few thousand): True ends the sentence,
    False does not, None: only when no number follows; an int (the number's length): unless the
    number opens the sentence, as in a list."""
    token = chunk.lstrip("\"'“‘«([-—–")
    if "." not in token and len(token) > 6:
        return True
    lowered = token.lower().strip(".")
    if not lowered:
        return True
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _BEFORE_NUMBER:
        return None  # "Jan. 5", "No. 10"
    if lowered.isdigit():
        return len(token)  # "1. First item"
    if len(lowered) == 1 and token[-1].isupper():
        return False  # an initial: "George W. Bush", "J. R. R. Tolkien"
    if "." in lowered and all(0 < len(part) <= 2 for part in lowered.split(".")):
        return False  # a dotted acronym: "U.S. officials", "a.m."
    return True


def sentences(text: str, span: Span) -> list[Span]:
    """Split one block of text into trimmed sentence spans, none longer than MAX_SENTENCE."""
    starts: list[int] = []
    ends: list[int] = []
    start, stop = span.start, span.end
    begin = -1  # the trimmed start of the current sentence, when the break before it found it
    for match in _CANDIDATE.finditer(text, start, stop):
        mark, _, following = match.groups()
        if following is not None:
            if following.islower():
                continue  # a lower-case word goes on with the sentence
            if mark == ".":
                # A full stop ends a sentence unless it ends an abbreviation, initial or acronym:
                # the word before it decides, looked for a bounded distance back.
                dot = match.start()
                if (
                    dot - 7 < start or not text[dot - 7 : dot].isalpha()
                ):  # seven letters: a word, always
                    parts = text[dot - 24 if dot - 24 > start else start : dot].rsplit(None, 1)
                    kind = _token_kind(parts[-1]) if parts else True
                    if kind is not True:
                        if kind is False or (
                            following.isdigit() if kind is None else dot - kind == start
                        ):
                            continue
        end = match.end()
        if begin < 0 or end - begin > MAX_SENTENCE:
            _emit(starts, ends, text, start, end)
        else:
            starts.append(begin)
            ends.append(end)
        start = end
        begin = match.end(2)
    _emit(starts, ends, text, start, stop)
    return list(map(Span, starts, ends))


def _emit(starts: list[int], ends: list[int], text: str, start: int, end: int) -> None:
    """Append the trimmed [start, end), cut into pieces if it is overlong."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        starts.append(start)
        ends.append(_rtrim(text, start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        starts.append(start)
        ends.append(end)


def _cut(text: str, start: int, limit: int) -> int:
    """Where to break an overlong run: after a clause mark or space, else before `limit`."""
    for mark in _BREAKS:
        pos = text.rfind(mark, start + _MIN_PIECE, limit)
        if pos >= 0:
            return pos + len(mark.rstrip()) if mark.strip() else pos + 1
    cut = limit
    # A grapheme is short; past a few code points of marks this is noise, and any cut will do.
    while cut > limit - 32 and (
        _clings(text[cut]) or text[cut - 1] == "\u200d" or _flag_pair(text, cut, start)
    ):
        cut -= 1
    return cut if cut > limit - 32 else limit


def _clings(char: str) -> bool:
    """Characters that belong to the one before: marks, joiners, variation selectors, skin tones,
    tags."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == "\u200d"
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def _flag_pair(text: str, cut: int, start: int) -> bool:
    """Whether `cut` falls between the two regional indicators of one flag."""

    def regional(char: str) -> bool:
        return 0x1F1E6 <= ord(char) <= 0x1F1FF

    if not (regional(text[cut]) and regional(text[cut - 1])):
        return False
    run = 0
    while cut - run - 1 >= start and regional(text[cut - run - 1]):
        run += 1
    return run % 2 == 1


def _rtrim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
