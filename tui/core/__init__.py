"""The pure analysis core of diptych: no Textual, no Rich; standard library and rapidfuzz only."""

from .align.aligner import DEFAULT_THRESHOLD
from .comparison import Comparison, compare
from .entities.linking import extract_entities
from .errors import DiptychError, InputError, OutputError
from .model import LEFT, RIGHT, Entity, Match, Sentence, Span
from .text.document import Document, build_document, load_document

__all__ = [
    "DEFAULT_THRESHOLD",
    "LEFT",
    "RIGHT",
    "Comparison",
    "DiptychError",
    "Document",
    "Entity",
    "InputError",
    "Match",
    "OutputError",
    "Sentence",
    "Span",
    "build_document",
    "compare",
    "extract_entities",
    "load_document",
]
