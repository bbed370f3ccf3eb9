"""Alignment: units of each document, candidate pairs from rare keys, scoring and selection ->
Match."""
