"""Document: the decoded text with its paragraphs and sentences as spans, and boilerplate flags."""

from __future__ import annotations

import os
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from operator import attrgetter

from ..model import Sentence, Span
from ..parallel import FORK_THRESHOLD, Background
from . import clean, segment
from .fetch import DEFAULT_LIMITS, Limits, Progress, is_url
from .loading import clean_text
from .sources import read_source

_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ":", ";", "。", "！", "？", "؟", "۔")
# Words a sentence cannot end on: a line ending with one was cut mid-sentence.
_RUN_ON = frozenset("and or but nor of the a an to in on at with for by as that from than".split())
# A line this long that ends on a name, without punctuation, is prose cut short, not a headline.
_CUT_PROSE_WORDS = 15


# Said of a text that reads as another language, by the command line and the reader alike.
NOT_ENGLISH = "does not read as English; matching and entities are tuned for English"


@dataclass(frozen=True, slots=True)
class Document:
    """One text, read-only; every offset elsewhere points into `text`.

    `source` is the path or URL it was read from (None for text given to the API); `kind` is what
    it was before it became plain text; `site`, `date` and `author` are known only for pages that
    name them."""

    text: str
    name: str
    source: str | None
    encoding: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    title: str
    notes: tuple[str, ...] = ()
    kind: str = "text"
    site: str | None = None
    date: str | None = None
    author: str | None = None

    def __len__(self) -> int:
        return len(self.text)

    @property
    def label(self) -> str:
        """Which text this is and what it says: "site — headline" for a page, "file — headline"
        for a file; the headline alone for text given to the API, which has no name of its own."""
        where = self.site or self.name
        if self.source is None and self.kind == "text":
            return self.title
        return where if self.title == where else f"{where} — {self.title}"

    @property
    def likely_english(self) -> bool:
        """False when the text reads as another language (matching and entities are tuned for
        English)."""
        # Imported here: the entities package imports this module.
        from ..entities.language import language_hint

        return language_hint(self.text) == "en"

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_near(self, offset: int) -> int | None:
        """Index of the sentence holding `offset`, else of the last one starting before it (the
        first if none does); None without sentences."""
        if not self.sentences:
            return None
        return max(0, bisect_right(self.sentences, offset, key=attrgetter("start")) - 1)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`; None between sentences."""
        near = self.sentence_near(offset)
        if near is None or not self.sentences[near].start <= offset < self.sentences[near].end:
            return None
        return self.sentences[near]

    @property
    def content_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.boilerplate]


def _joins_next(text: str, block: Span, following: Span) -> bool:
    """A block broken mid-sentence: it ends without punctuation and runs on into the next."""
    line = text[block.start : block.end]
    if line.endswith(_TERMINAL) or len(line) > segment.MAX_SENTENCE:
        return False
    head = text[following.start : min(following.end, following.start + 40)]
    words = line.split()
    if head[0].islower() or line.endswith(",") or words[-1].lower() in _RUN_ON:
        return True
    # A long line cut after a name ("... Kremlin aide Yury" / "Ushakov said.").
    return (
        len(words) >= _CUT_PROSE_WORDS
        and line[-1].isalpha()
        and head[0].isupper()
        and head.split()[0].isalpha()
    )


def build_document(
    text: str,
    name: str = "text",
    source: str | None = None,
    encoding: str = "utf-8",
    notes: tuple[str, ...] = (),
    *,
    kind: str = "text",
    title: str | None = None,
    site: str | None = None,
    date: str | None = None,
    author: str | None = None,
) -> Document:
    """Segment clean text into paragraphs and sentences and mark boilerplate; `title` is the
    headline a page or Markdown document names, if any."""
    blocks = segment.blocks(text)
    furniture = clean.boilerplate_blocks(text, blocks)
    paras = segment.paragraphs(text)
    sentences: list[Sentence] = []
    para_index = 0
    i = 0
    while i < len(blocks):
        j = i
        while (
            j + 1 < len(blocks)
            and j not in furniture
            and j + 1 not in furniture
            and _joins_next(text, blocks[j], blocks[j + 1])
        ):
            j += 1
        unit = Span(blocks[i].start, blocks[j].end)
        for span in segment.sentences(text, unit):
            while para_index + 1 < len(paras) and paras[para_index].end <= span.start:
                para_index += 1
            sentences.append(
                Sentence(len(sentences), span.start, span.end, para_index, i in furniture)
            )
        i = j + 1
    return Document(
        text,
        name,
        source,
        encoding,
        tuple(paras),
        tuple(sentences),
        title or _title(text, sentences, name),
        notes,
        kind,
        site,
        date,
        author,
    )


def _title(text: str, sentences: list[Sentence], name: str) -> str:
    for sentence in sentences:
        if not sentence.boilerplate and len(text[sentence.start : sentence.end].split()) >= 3:
            return " ".join(text[sentence.start : sentence.end].split())[:120]
    return name


def load_document(
    path: str,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Document:
    """Read and segment a file, stdin for '-', or an http(s) URL (`progress` hears how its
    download goes); raises InputError or NetworkError with a one-line reason."""
    read = read_source(path, limits, progress)
    return build_document(
        read.text,
        name or read.name,
        read.source,
        read.encoding,
        read.notes,
        kind=read.kind,
        title=read.title,
        site=read.site,
        date=read.date,
        author=read.author,
    )


def load_pair(
    first: str, second: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[Document, Document]:
    """Both documents, in order (the first's error is the one raised); when the files are long, a
    second core reads and segments the second meanwhile, and a page from the web downloads while
    the other loads."""
    if is_url(first) or is_url(second):
        pool = ThreadPoolExecutor(1)
        try:
            later = pool.submit(load_document, second, None, limits)
            return load_document(first, None, limits), later.result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    fork = second != "-" and _size(first) + _size(second) > FORK_THRESHOLD
    work = Background([(load_document, (second, None, limits))], fork=fork)
    return load_document(first, None, limits), work.result(0)


def _size(path: str) -> int:
    if path == "-" or is_url(path):
        return 0
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def as_document(value: Document | str, name: str) -> Document:
    """Accept a Document or raw text (for the Python API)."""
    if isinstance(value, Document):
        return value
    text, _ = clean_text(value)
    return build_document(text, name)
