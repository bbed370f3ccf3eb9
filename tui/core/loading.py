"""Bytes to clean text: decoding, newline normalisation, removal of terminal controls."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from dataclasses import dataclass

from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate
# characters, which could reorder what the terminal shows.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    encoding: str
    removed_controls: int


def clean_text(raw: str) -> tuple[str, int]:
    """Normalise newlines and drop control characters; returns the text and how many were dropped."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _CONTROLS.subn("", text)
    return text, removed


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes: BOM first, then UTF-8, then Windows-1252, then Latin-1 as a last resort."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: undecodable {encoding} text at byte {exc.start}") from None
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def load_text(data: bytes, name: str = "input") -> LoadedText:
    """Turn raw bytes into clean text or raise InputError with a one-line reason."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large ({len(data) // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB)")
    raw, encoding = decode(data, name)
    text, removed = clean_text(raw)
    if not text.strip():
        raise InputError(f"{name}: empty text (nothing but whitespace)")
    return LoadedText(text, encoding, removed)


def read_bytes(path: str) -> bytes:
    """Read a file (or stdin for '-') without ever writing to it; errors become InputError."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"stdin: too large (over {MAX_BYTES // 2**20} MB)")
        return data
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a text file")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise InputError(
            f"{path}: too large ({info.st_size // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB)"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: too large (over {MAX_BYTES // 2**20} MB)")
    return data
