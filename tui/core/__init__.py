"""The pure analysis core of diptych: no Textual, no Rich; the standard library, numpy, rapidfuzz
and charset-normalizer (see pyproject.toml for the rest).

Each name loads its module on first use: a caller that only reads documents (the reader, until its
texts are on screen) does not wait for the aligner and numpy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_HOMES = {
    "DEFAULT_THRESHOLD": ".align.aligner",
    "Comparison": ".comparison",
    "compare": ".comparison",
    "extract_entities": ".entities.linking",
    "DiptychError": ".errors",
    "InputError": ".errors",
    "OutputError": ".errors",
    "LEFT": ".model",
    "RIGHT": ".model",
    "Entity": ".model",
    "Match": ".model",
    "Sentence": ".model",
    "Span": ".model",
    "Document": ".text.document",
    "build_document": ".text.document",
    "load_document": ".text.document",
}

__all__ = [
    "Comparison",
    "DEFAULT_THRESHOLD",
    "DiptychError",
    "Document",
    "Entity",
    "InputError",
    "LEFT",
    "Match",
    "OutputError",
    "RIGHT",
    "Sentence",
    "Span",
    "build_document",
    "compare",
    "extract_entities",
    "load_document",
]

if TYPE_CHECKING:
    from .align.aligner import DEFAULT_THRESHOLD
    from .comparison import Comparison, compare
    from .entities.linking import extract_entities
    from .errors import DiptychError, InputError, OutputError
    from .model import LEFT, RIGHT, Entity, Match, Sentence, Span
    from .text.document import Document, build_document, load_document


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value
    return value
