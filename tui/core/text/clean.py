"""Web-page leftovers (menus, player residue, link lines, disclaimers) marked as boilerplate.

Rules look at the shape of a line (short menu words, timestamps, links, credits, embeds), at
the voice of a paragraph (a publisher talking to its readers), and at neighbours (labels and
short lines among furniture or between publisher notices, repeated lines).
"""

from __future__ import annotations

import re

from ..model import Span

_WORD = re.compile(r"\w+")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_URL = re.compile(
    r"<?(?:https?://|www\.)[^\s>]+>?|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s>]*", re.IGNORECASE
)
_TIME = re.compile(r"\d{1,2}(?::\d{2}){1,2}")
_TERMINAL = tuple(".!?…\"”’'»。！？؟۔")
_OPENING_QUOTES = tuple("\"“‘«'„")
_HANDLE = re.compile(r"\(@\w+\)")
# Parentheses of a caption: "(file photos)", "(AP Photo/Evan Vucci)", "(left)".
_CAPTION = re.compile(
    r"\([^()\n]{0,60}\b(?:photo|photos|image|images|picture|credit)\b[^()\n]{0,60}\)"
    r"|\((?:left|right|center|centre|top|bottom|l|r|c|pictured)\)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:(?:photo|image|picture|video|credit|source)s?(?: source| caption| credit)?|фото|видео|источник)"  # noqa: E501
    r"\s*(?::|,|by\b)",
    re.IGNORECASE,
)
# Lines that label page metadata: times of publication, tag lists.
_LABEL = re.compile(
    r"^(?:(?:last |first )?(?:updated|published|posted)\b|(?:tags|topics|filed under|see also|more on|read more"  # noqa: E501
    r"|read also|related(?: articles?| stories| coverage)?|watch|listen|читайте также|смотрите также)\s*:)",  # noqa: E501
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:additional |with )?reporting by|editing by|writing by|written by|compiled by)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")
# Phrases a site says to its visitors, never an article to its readers.
_SITE_PHRASES = re.compile(
    r"\b(?:click here|all rights reserved|cookie policy|use cookies|accept cookies|our newsletter"
    r"|(?:subscribe|sign up|register|log in) (?:now|today|here|for (?:our|free)|to our)|^(?:subscribe|sign up)\b"  # noqa: E501
    r"|privacy policy|terms of (?:use|service)|follow us|download (?:our|the) app|enable javascript"
    r"|your browser|please note|contact us|continues below|continue reading|copyright \d{4}"
    r"|reproduction .{0,40}prohibited)\b|©",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_SECOND_PERSON = re.compile(r"\b[Yy]ou(?:r|rs)?\b")
_SITE_NOUNS = frozenset(
    """content news journalists journalism site website app readers subscribers reporting coverage
    articles stories newsletter account email donate support press sharing liking commenting
    editorial audience""".split()
)
# A word of every site phrase: a set lookup that spares most lines the phrase regex.
_PHRASE_WORDS = frozenset(
    """click rights cookie cookies newsletter subscribe sign register log privacy terms follow app
    javascript browser note contact continue continues copyright reproduction""".split()
)
# Words of page furniture: navigation, sharing, players, ads, widgets.
_FURNITURE = frozenset(
    """accessibility links link menu navigation nav skip search share sharing breaking news updated
    update updates loading please wait advertisement advertising ad ads sponsored promoted comments
    comment print email mail media source currently available read more related watch listen live
    subscribe login logout log sign register home back top next previous prev close toggle video
    videos audio image images photo photos gallery play pause mute unmute embed copyright cookies
    facebook twitter telegram whatsapp instagram youtube linkedin reddit rss podcast download app
    feedback contact newsletter follow tags topics trending popular latest main content messenger
    copy реклама поделиться подписаться комментарии читать далее фото видео""".split()
)
_NEUTRAL = frozenset("no the this to of".split())
_FOOTER_SHORT = 25
# Furniture lines are short; skipping the shape rules on longer ones also keeps the URL
# patterns away from megabyte lines.
_LONGEST_FURNITURE = 2000
_EXACT_COUNT = 300


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _word_count(line: str) -> int:
    """Words in a line: exact for short lines, where it decides; an estimate for long ones."""
    return len(_WORD.findall(line)) if len(line) <= _EXACT_COUNT else len(line) // 6


def _unpunctuated(line: str) -> bool:
    return not line.endswith(_TERMINAL)


def _is_link_line(line: str) -> bool:
    """Lines that are links: a bare URL, markdown links with a label, or text ending in a URL."""
    if "/" not in line and "](" not in line:
        return False
    if not (_URL.search(line) or _MD_LINK.search(line)):
        return False
    rest = _URL.sub(" ", _MD_LINK.sub(" ", line))
    if len(_words(rest)) <= 3:
        return True
    tokens = line.split()
    return bool(_URL.fullmatch(tokens[-1].strip("()")))


def _is_menu_words(line: str, words: list[str]) -> bool:
    """Short unpunctuated lines made mostly of furniture words ("Breaking News", "please wait")."""
    if not words or len(words) > 12 or not _unpunctuated(line) or line.startswith(_OPENING_QUOTES):
        return False
    counted = [w.lower() for w in words if not any(c.isdigit() for c in w)]
    counted_non_neutral = [w for w in counted if w not in _NEUTRAL]
    if not counted_non_neutral:
        return False
    hits = sum(1 for w in counted if w in _FURNITURE)
    share = (hits + len(counted) - len(counted_non_neutral)) / len(counted)
    # Longer lines need a clearer majority: a headline may hold one or two such words.
    return hits > 0 and share > (0.5 if len(words) <= 6 else 0.6)


def _is_player_residue(line: str) -> bool:
    """Timestamps ("0:00 0:00:58 0:00") or picker labels ("XS SM MD LG") and nothing else."""
    tokens = line.split()
    if all(_TIME.fullmatch(t) for t in tokens):
        return True
    return len(tokens) >= 2 and all(len(t) <= 2 and t.isupper() for t in tokens)


def _speaks_as_site(line: str) -> bool:
    """A publisher addressing its visitors: site phrases, or we/our with words about its content."""
    if len(line) > _LONGEST_FURNITURE:
        return False
    found = _WORD.findall(line.lower())
    if len(found) > 120:
        return False
    words = set(found)
    phrase = "©" in line or not words.isdisjoint(_PHRASE_WORDS)
    if not phrase and len(words & _SITE_NOUNS) < 2:
        return False
    unquoted = _QUOTED.sub(" ", line)
    if phrase and _SITE_PHRASES.search(unquoted):
        return True
    unquoted_words = set(_WORD.findall(unquoted.lower()))
    return len(unquoted_words & _SITE_NOUNS) >= 2 and bool(_FIRST_PERSON.search(unquoted))


def _by_shape(line: str) -> bool:
    if len(line) > _LONGEST_FURNITURE:
        return False
    if _is_link_line(line) or (line[0] in "—–-" and _HANDLE.search(line)):
        return True
    if _CREDIT.match(line) or _BYLINE.match(line) or _LABEL.match(line):
        limit = 12 if _CREDIT.match(line) else 25 if _BYLINE.match(line) else 20
        if _word_count(line) <= limit:
            return True
    if not _unpunctuated(line):
        return False  # the rules below are for lines without final punctuation
    words = _words(line)
    if not words:
        return True
    return (
        _is_player_residue(line)
        or _is_menu_words(line, words)
        or (len(words) <= 6 and (" / " in line or line.lstrip("•·*- ").lower().startswith("by ")))
        or bool(_CAPTION.search(line))
        or (len(words) == 1 and line.endswith(":"))
    )


def _repeated(lines: list[str], marked: set[int]) -> None:
    """Later copies of a line are furniture; so is a caption printed twice in a row."""
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        key = " ".join(line.lower().split()) if len(line) <= _EXACT_COUNT else line
        if key in seen:
            marked.add(i)
            if seen[key] == i - 1 and _unpunctuated(line):
                marked.add(i - 1)
        seen[key] = i


def _short_unpunctuated(line: str) -> bool:
    return _unpunctuated(line) and not line.startswith(_OPENING_QUOTES) and _word_count(line) <= 3


def _neighbours(lines: list[str], marked: set[int]) -> None:
    """Labels before furniture, runs of menu items, short lines between furniture."""
    n = len(lines)
    run: list[int] = []
    for i, line in enumerate(lines):
        if _unpunctuated(line) and _word_count(line) <= 2:
            run.append(i)
            if i + 1 < n:
                continue
        if len(run) >= 3:
            marked.update(run)
        run = []
    for _ in range(2):
        for i, line in enumerate(lines):
            if i in marked:
                continue
            after = i + 1 >= n or i + 1 in marked
            before = i == 0 or i - 1 in marked
            if after and line.endswith(":") and _word_count(line) <= 3:
                marked.add(i)
            elif _short_unpunctuated(line) and before and after:
                marked.add(i)


def _between_voices(lines: list[str], voiced: list[int], marked: set[int]) -> None:
    """A short line right between two publisher-voice paragraphs belongs to the same notice."""
    for first, second in zip(voiced, voiced[1:]):
        if second == first + 2 and _word_count(lines[first + 1]) < _FOOTER_SHORT:
            marked.add(first + 1)


def boilerplate_blocks(text: str, blocks: list[Span]) -> set[int]:
    """Indices of blocks that are page furniture rather than article text."""
    lines = [text[b.start : b.end] for b in blocks]
    marked = {i for i, line in enumerate(lines) if _by_shape(line)}
    voiced = [i for i, line in enumerate(lines) if _speaks_as_site(line)]
    marked.update(voiced)
    _repeated(lines, marked)
    _between_voices(lines, voiced, marked)
    _neighbours(lines, marked)
    return marked
