"""Bytes to clean text: decoding, newline normalisation, removal of terminal controls."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from dataclasses import dataclass

from ..errors import InputError
from .controls import CONTROL_RE

# Four times the whole Bible: past this the comparison would take minutes and gigabytes.
MAX_BYTES = 16 * 1024 * 1024
_CHUNK = 1 << 20
_SNIFF = 1 << 16

# Unicode line/paragraph separators would split lines where "\n" does not; lone surrogates
# (possible only in str given to the API) cannot be encoded as UTF-8 on output.
_SEPARATORS = re.compile("[\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# When several legacy encodings read the bytes equally well, the ones the web uses most win.
_PREFERRED = (
    "cp1252",
    "cp1251",
    "gb18030",
    "cp932",
    "cp949",
    "big5",
    "cp1256",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1257",
    "koi8_r",
    "iso8859_15",
)


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    encoding: str
    removed_controls: int
    replaced_bytes: int = 0
    declared: str | None = None

    @property
    def notes(self) -> tuple[str, ...]:
        """What the user may want to know about how the bytes were read."""
        notes = []
        if self.declared is not None and _codec(self.declared) is None:
            notes.append(f"declares an unknown charset ({self.declared}); read as {self.encoding}")
        elif self.declared is not None and not _same_codec(self.declared, self.encoding):
            notes.append(f"declares {self.declared}, but reads as {self.encoding}")
        elif self.declared is None and self.encoding not in ("utf-8", "utf-8-sig", "ascii"):
            notes.append(f"not UTF-8; decoded as {self.encoding}")
        if self.replaced_bytes:
            notes.append(f"{self.replaced_bytes} undecodable byte(s) shown as U+FFFD")
        return tuple(notes)


def clean_text(raw: str) -> tuple[str, int]:
    """Normalise newlines and drop control characters; returns
    the text and how many were dropped."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _SEPARATORS.sub("\n", text)
    text = _SURROGATES.sub("\ufffd", text)
    text, removed = CONTROL_RE.subn("", text)
    return text, removed


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by the zero high bytes of its ASCII characters."""
    sample = data[:_SNIFF]
    if len(sample) < 16 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _binary_start(data: bytes) -> bool:
    """Binary by its first bytes, telling UTF-16/32 (whose ASCII holds zero bytes) apart."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return _bomless_utf16(data) is None and _looks_binary(data)


def _legacy(data: bytes) -> tuple[str, str] | None:
    """Best reading by charset-normalizer, preferring common web encodings among equal readings."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= best + 0.02]
    for encoding in _PREFERRED:
        for result in tied:
            if encoding in result.could_be_from_charset:
                return data.decode(encoding), encoding
    return str(tied[0]), tied[0].encoding


def _codec(name: str) -> str | None:
    """The codec a charset label names ("latin1" and "ISO-8859-1" are one), or None if unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _same_codec(declared: str, used: str) -> bool:
    """Whether the charset used is the one declared (ASCII, a part of every other, counts as
    any)."""
    codec = _codec(declared) or declared
    return codec == "ascii" or codec == (_codec(used) or used).removesuffix("-sig")


def decode(data: bytes, name: str = "input", declared: str | None = None) -> tuple[str, str, int]:
    """Decode bytes; returns (text, encoding, bytes replaced). BOM, UTF-8, the declared charset (of
    a web page), then a detected encoding.

    Bytes that read as UTF-8 are UTF-8 whatever a page declares: the reverse (UTF-8 bytes labelled
    Latin-1) is the common mislabelling, and would show every accent as two characters. More
    well-formed multi-byte characters than bad bytes means damaged UTF-8, not a legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, 0
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: undecodable {encoding.upper()} text at byte {exc.start}"
                ) from None
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[3:], "utf-8-sig"
    elif (utf16 := _bomless_utf16(data)) is not None:
        try:
            return data.decode(utf16), utf16, 0
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), encoding, 0
    except UnicodeDecodeError:
        pass
    codec = _codec(declared) if declared else None
    # A page's <meta> cannot truly declare UTF-16 (it would not be readable as ASCII to say so).
    if codec is not None and not codec.startswith(("utf-8", "utf-16", "utf-32")):
        try:
            return data.decode(codec), declared, 0
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = len(text) - len(text.encode("ascii", "ignore")) - bad
    if encoding == "utf-8-sig" or bad <= well_formed:
        return text, encoding, bad
    legacy = _legacy(data)
    if legacy is None:
        raise InputError(f"{name}: undecodable bytes: not UTF-8, and no other text encoding fits")
    return legacy[0], legacy[1], 0


def load_text(data: bytes, name: str = "input", declared: str | None = None) -> LoadedText:
    """Turn raw bytes into clean text or raise InputError with a one-line reason; `declared` is
    the charset a server or page names."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: too large ({len(data) // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB)"
        )
    raw, encoding, replaced = decode(data, name, declared)
    text, removed = clean_text(raw)
    if not text.strip():
        if not data:
            raise InputError(f"{name}: empty file")
        if removed:
            raise InputError(
                f"{name}: empty text (nothing left once control characters are removed)"
            )
        raise InputError(f"{name}: empty text (nothing but whitespace)")
    return LoadedText(text, encoding, removed, replaced, declared)


def _read_stream(handle, name: str) -> bytes:
    """Read at most MAX_BYTES in chunks, failing early on binary data or excess size."""
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(_CHUNK):
        if not chunks and _binary_start(chunk):
            raise InputError(f"{name}: looks like a binary file, not text")
        size += len(chunk)
        if size > MAX_BYTES:
            raise InputError(f"{name}: too large (over {MAX_BYTES // 2**20} MB)")
        chunks.append(chunk)
    return b"".join(chunks)


def read_bytes(path: str) -> bytes:
    """Read a file (or stdin for '-') without ever writing to it; errors become InputError."""
    if path == "-":
        return _read_stream(sys.stdin.buffer, "stdin")
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
    if stat.S_ISBLK(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        raise InputError(f"{path}: is a device or socket, not a text file")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise InputError(
            f"{path}: too large ({info.st_size // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB)"
        )
    try:
        with open(path, "rb") as handle:
            return _read_stream(handle, path)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
