"""Entities: mentions of one text, their types, and clusters within and across the two texts."""

from .language import language_hint
from .linking import extract_entities, link_entities

__all__ = ["extract_entities", "language_hint", "link_entities"]
