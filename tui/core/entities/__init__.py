"""Entities: mentions of one text, their types, and clusters within and across the two texts."""

from .linking import extract_entities, link_entities

__all__ = ["extract_entities", "link_entities"]
