"""Blocks (lines, paragraphs) and sentences with [start, end) offsets into the text."""

from __future__ import annotations

import re
import unicodedata

from .model import Span

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
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols p pp fig figs art sec ch".split()
)
# Runs of final punctuation with their closing quotes. Latin-script ends count only before a
# space or the block end; CJK, Arabic and Devanagari ends need nothing after them, since those
# scripts run sentences together.
_END = re.compile(r"[.!?…。！？؟۔।]+[\"'”’»)\]」』）]*")
_SPACELESS_ENDS = frozenset("。！？؟۔।")
_CLOSERS = "\"'”’»)]」』）"
_OPENERS = frozenset("\"'“‘«([¿¡")
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


def _token_before(text: str, dot: int, floor: int) -> str:
    """The word (with its inner dots) that ends at `dot`, looking back a bounded distance."""
    parts = text[max(floor, dot - 24) : dot].rsplit(None, 1)
    return parts[-1].lstrip("\"'“‘«([-—–") if parts else ""


def _ends_sentence(text: str, dot: int, following: str, floor: int) -> bool:
    """Whether a full stop at `dot` ends a sentence, or ends an abbreviation, initial or acronym."""
    token = _token_before(text, dot, floor)
    if "." not in token and len(token) > 6:
        return True
    lowered = token.lower().strip(".")
    if not lowered:
        return True
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _BEFORE_NUMBER:
        return not following.isdigit()
    if lowered.isdigit() and dot - len(token) == floor:
        return False  # a list number: "1. First item"
    if len(lowered) == 1 and token[-1].isupper():
        return False  # an initial: "George W. Bush", "J. R. R. Tolkien"
    if "." in lowered and all(0 < len(part) <= 2 for part in lowered.split(".")):
        return False  # a dotted acronym: "U.S. officials", "a.m."
    return True


def sentences(text: str, span: Span) -> list[Span]:
    """Split one block of text into trimmed sentence spans, none longer than MAX_SENTENCE."""
    out: list[Span] = []
    start, stop = span.start, span.end
    for match in _END.finditer(text, start, stop):
        end = match.end()
        if end <= start:
            continue
        if end < stop:
            mark = match.group().rstrip(_CLOSERS)
            if not text[end].isspace():
                if mark[-1] not in _SPACELESS_ENDS:
                    continue  # "3.5", "U.S.-led", "Yahoo!'s"
            elif mark[-1] not in _SPACELESS_ENDS:
                nxt = end + 1
                while nxt < stop and (text[nxt].isspace() or text[nxt] in _OPENERS):
                    nxt += 1
                following = text[nxt] if nxt < stop else ""
                if following.islower():
                    continue
                if mark == "." and not _ends_sentence(text, match.start(), following, start):
                    continue
        _emit(out, text, start, end)
        start = end
    _emit(out, text, start, stop)
    return out


def _emit(out: list[Span], text: str, start: int, end: int) -> None:
    """Append the trimmed [start, end), cut into pieces if it is overlong."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        out.append(Span(start, _rtrim(text, start, cut)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Span(start, end))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to break an overlong run: after a clause mark or space, else before `limit`."""
    for mark in _BREAKS:
        pos = text.rfind(mark, start + _MIN_PIECE, limit)
        if pos >= 0:
            return pos + len(mark.rstrip()) if mark.strip() else pos + 1
    cut = limit
    # A grapheme is short; past a few code points of marks this is noise, and any cut will do.
    while cut > limit - 32 and (_clings(text[cut]) or text[cut - 1] == "\u200d" or _flag_pair(text, cut, start)):
        cut -= 1
    return cut if cut > limit - 32 else limit


def _clings(char: str) -> bool:
    """Characters that belong to the one before: marks, joiners, variation selectors, skin tones, tags."""
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
