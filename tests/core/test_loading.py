"""Loading: bytes to clean text, with the encoding named and every bad input refused in one line."""

import builtins
import io
import os
import sys

import pytest

from tui.core.errors import InputError
from tui.core.text import loading
from tui.core.text.loading import MAX_BYTES, clean_text, decode, load_text, read_bytes

RUSSIAN = (
    "Путин встретился с Ким Чен Ыном во Владивостоке. Переговоры прошли успешно, сообщил Кремль."
)
FRENCH = "Le président Poutine a rencontré Kim Jong-un à Vladivostok. « Réussi », a-t-il déclaré."


def test_utf8_with_and_without_bom():
    assert load_text("Déjà vu.".encode()).text == "Déjà vu."
    loaded = load_text(b"\xef\xbb\xbf" + "Déjà vu.".encode())
    assert loaded.text == "Déjà vu." and loaded.encoding == "utf-8-sig" and not loaded.notes


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    loaded = load_text(RUSSIAN.encode(codec))
    assert loaded.text == RUSSIAN and loaded.encoding == codec


def test_utf16_without_bom_is_text_not_binary():
    loaded = load_text("Kim arrived in Vladivostok on Wednesday.".encode("utf-16-le"))
    assert (
        loaded.text == "Kim arrived in Vladivostok on Wednesday." and loaded.encoding == "utf-16-le"
    )


@pytest.mark.parametrize("codec, text", [("cp1251", RUSSIAN), ("cp1252", FRENCH)])
def test_legacy_encodings_are_detected_and_named(codec, text):
    loaded = load_text(text.encode(codec))
    assert loaded.text == text
    assert loaded.encoding == codec
    assert loaded.notes == (f"not UTF-8; decoded as {codec}",)


def test_damaged_utf8_keeps_its_text_and_says_how_many_bytes_were_bad():
    data = (RUSSIAN * 5).encode() + b"\xff\xfe" + " Кремль.".encode()
    loaded = load_text(data)
    assert loaded.encoding == "utf-8"
    assert loaded.text.startswith(RUSSIAN) and "\ufffd" in loaded.text
    assert loaded.replaced_bytes == 2 and "2 undecodable" in loaded.notes[0]


def test_bytes_that_fit_no_encoding_are_refused():
    noise = bytes(range(0x80, 0x100)) * 64
    with pytest.raises(InputError, match="undecodable|binary"):
        load_text(noise, "noise.txt")


def test_utf16_bom_with_broken_payload_is_refused():
    with pytest.raises(InputError, match="undecodable UTF-16"):
        load_text(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")  # a lone high surrogate


def test_newlines_normalised():
    assert load_text(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"
    assert clean_text("a\u2028b\u2029c")[0] == "a\nb\nc"


def test_terminal_controls_and_bidi_overrides_removed():
    raw = "a\x1b[31mred\x1b]52;c;ZXZpbA==\x07\x9b2J\x85b\u202eevil\u2066x\u2069\tz\x00"
    text, removed = clean_text(raw)
    assert text == "a[31mred]52;c;ZXZpbA==2Jbevilx\tz"
    assert removed == 9
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


def test_lone_surrogates_from_the_api_become_replacement_characters():
    assert clean_text("a\ud800b")[0] == "a\ufffdb"


def test_emoji_and_wide_characters_kept():
    text = "👩‍👩‍👧 家族 ｗｉｄｅ 🇺🇦."
    assert load_text(text.encode()).text == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\u3000\n".encode()])
def test_empty_or_whitespace_only(data):
    with pytest.raises(InputError, match="empty"):
        load_text(data, "blank.txt")


def test_binary_refused():
    with pytest.raises(InputError, match="binary"):
        load_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "img.png")


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_bytes(str(tmp_path / "absent.txt"))


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_bytes(str(tmp_path))


def test_permission_denied_message(tmp_path, monkeypatch):
    """Tests run as root, which chmod cannot stop: fail the open itself as the kernel would."""
    target = tmp_path / "secret.txt"
    target.write_text("text")

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(loading, "open", refuse, raising=False)
    with pytest.raises(InputError, match="permission denied"):
        read_bytes(str(target))


def test_huge_file_refused_from_its_size_without_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(100 * 2**20)  # sparse: 100 MB long, no disk used
    opened = []
    monkeypatch.setattr(
        loading, "open", lambda *a, **k: opened.append(a) or builtins.open(*a, **k), raising=False
    )
    with pytest.raises(InputError, match="too large"):
        read_bytes(str(huge))
    assert not opened


def test_huge_stream_stops_after_the_limit(monkeypatch):
    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            Endless.served += len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(InputError, match="stdin: too large"):
        read_bytes("-")
    assert Endless.served <= MAX_BYTES + 2 * 2**20


def test_binary_stream_fails_on_its_first_chunk(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00" * (8 * 2**20))))
    with pytest.raises(InputError, match="binary"):
        read_bytes("-")


def test_stdin_read(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Привет.".encode())))
    assert load_text(read_bytes("-"), "stdin").text == "Привет."


def test_never_opens_for_writing(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("Some text.")
    modes = []
    real_open = builtins.open
    monkeypatch.setattr(
        loading,
        "open",
        lambda f, mode="r", *a, **k: modes.append(mode) or real_open(f, mode, *a, **k),
        raising=False,
    )
    before = os.stat(target)
    read_bytes(str(target))
    assert modes == ["rb"] and os.stat(target).st_mtime_ns == before.st_mtime_ns


def test_decode_reports_encoding_and_replacements():
    assert decode(b"plain ascii") == ("plain ascii", "utf-8", 0)


def test_only_control_characters_is_empty_text():
    with pytest.raises(InputError, match="nothing left once control characters are removed"):
        load_text(b"\x1b\x07\x7f\x1b\x08 \n\x1b", "ansi.txt")


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8():
    loaded = load_text(RUSSIAN.encode("cp1251"), declared="windows-1251")
    assert loaded.text == RUSSIAN and loaded.encoding == "windows-1251" and not loaded.notes


def test_utf8_bytes_win_over_a_declared_legacy_charset():
    loaded = load_text(FRENCH.encode(), declared="latin-1")
    assert loaded.text == FRENCH and loaded.notes == ("declares latin-1, but reads as utf-8",)
    assert not load_text(b"plain ascii", declared="us-ascii").notes


def test_an_unknown_declared_charset_is_noted():
    loaded = load_text(FRENCH.encode("cp1252"), declared="x-bogus")
    assert loaded.text == FRENCH
    assert loaded.notes == ("declares an unknown charset (x-bogus); read as cp1252",)
