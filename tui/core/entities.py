"""Entity mentions (PERSON, PLACE, ORG, DATE, NUMBER), alias clusters within and across documents."""

from __future__ import annotations

from .document import Document, as_document
from .model import Entity


def extract_entities(doc: Document | str) -> list[Entity]:
    """Entities of one document; mentions are under the "left" key."""
    doc = as_document(doc, "text")
    return []


def link_entities(left: Document, right: Document) -> list[Entity]:
    """Entities of both documents, one entry per real-world thing across the two."""
    return []
