"""Bad input gets one line on stderr and the documented exit code, never a traceback."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tui.core.errors import EXIT_INPUT, EXIT_USAGE

SEED = os.path.join(
    os.path.dirname(__file__), "..", "..", "seeds", "rferl-kim-arrives-vladivostok.txt"
)


def run(*args, stdin=b"", timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, timeout=timeout
    )


def assert_one_line_error(result, needle, code=EXIT_INPUT):
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("diptych: ") and needle in err, err
    assert result.returncode == code
    assert result.stdout == b""


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_missing_file(tmp_path):
    assert_one_line_error(run(str(tmp_path / "nope.txt"), SEED, "--json"), "nope.txt: no such file")


def test_directory(tmp_path):
    assert_one_line_error(run(str(tmp_path), SEED, "--json"), "is a directory")


def test_binary_file(tmp_path):
    binary = write(tmp_path, "a.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert_one_line_error(run(binary, SEED, "--json"), "a.png: looks like a binary file")


@pytest.mark.parametrize("data", [b"", b" \n\n\t \r\n"])
def test_empty_or_whitespace_only(tmp_path, data):
    assert_one_line_error(
        run(SEED, write(tmp_path, "blank.txt", data), "--json"), "blank.txt: empty"
    )


def test_undecodable_bytes(tmp_path):
    noise = write(tmp_path, "noise.txt", bytes(range(0x80, 0x100)) * 64)
    assert_one_line_error(run(noise, SEED, "--json"), "noise.txt: undecodable")


def test_utf16_with_a_broken_surrogate(tmp_path):
    broken = write(
        tmp_path, "u16.txt", b"\xff\xfe" + "Some text.".encode("utf-16-le") + b"\x00\xd8a\x00"
    )
    assert_one_line_error(run(broken, SEED, "--json"), "undecodable UTF-16")


def test_huge_file_fails_from_its_size(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(100 * 2**20)
    assert_one_line_error(run(str(huge), SEED, "--json", timeout=20), "huge.txt: too large (100 MB")


def test_huge_stdin_fails_after_the_limit():
    assert_one_line_error(
        run("-", SEED, "--json", stdin=b"word " * (7 * 2**20)), "stdin: too large"
    )


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads files whatever their mode; the next test covers the path"
)
def test_permission_denied_for_real(tmp_path):
    secret = write(tmp_path, "secret.txt", b"Hidden text.")
    os.chmod(secret, 0)
    assert_one_line_error(run(secret, SEED, "--json"), "secret.txt: permission denied")


def test_permission_denied_message(tmp_path):
    """The command as a user would meet it, with open() failing the way the kernel fails it."""
    secret = write(tmp_path, "secret.txt", b"Hidden text.")
    script = textwrap.dedent(
        f"""
        import sys, tui.core.text.loading as loading
        def refuse(path, *args, **kwargs):
            raise PermissionError(13, "Permission denied", path)
        loading.open = refuse
        from tui.cli import main
        sys.exit(main([{secret!r}, {SEED!r}, "--json"]))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert_one_line_error(result, "secret.txt: permission denied")


@pytest.mark.parametrize(
    "args, needle",
    [
        (["a.txt"], "give two files or URLs"),
        (["a", "b", "c", "--json"], "give two files or URLs"),
        (["-", "-", "--json"], "only one of the two files can be '-'"),
        (["--threshold", "2", "--json"], "must be between"),
        (["--threshold", "nan", "--json"], "must be between"),
        # Below the aligner's floor nothing is kept: refused, not silently raised to the floor.
        (["--threshold", "0.005", "--json"], "never kept"),
        (["--threshold", "x", "--json"], "not a number"),
        (["--bogus"], "unrecognized arguments"),
        (["entities"], "required: TEXT"),
        (["--output", "x.json"], "--output needs --json"),
    ],
)
def test_usage_errors(args, needle):
    assert_one_line_error(run(*args), needle, EXIT_USAGE)


def test_reader_without_a_terminal_says_so():
    assert_one_line_error(run(SEED, SEED), "needs a terminal", EXIT_USAGE)


def test_control_characters_in_a_path_are_escaped_in_the_message(tmp_path):
    result = run(str(tmp_path / "evil\x1b]0;pwned\x07.txt"), SEED, "--json")
    err = result.stderr.decode()
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;pwned\\x07" in err
    assert_one_line_error(result, "no such file")


def test_undecodable_path_bytes_are_escaped(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/bad\xff.txt"
    result = subprocess.run(
        [sys.executable, "-m", "tui", name, SEED, "--json"], capture_output=True, timeout=60
    )
    assert_one_line_error(result, "\\udcff.txt: no such file")


def test_one_megabyte_line_is_compared_in_bounded_time(tmp_path):
    line = write(tmp_path, "line.txt", ("lorem ipsum dolor sit amet " * 40_000).encode())
    result = run(line, SEED, "--json", timeout=120)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)["documents"][0]
    assert max(s["end"] - s["start"] for s in doc["sentences"]) <= 600


def test_broken_pipe_is_quiet():
    result = subprocess.run(
        f"{sys.executable} -m tui --json | head -c 10", shell=True, capture_output=True, timeout=60
    )
    assert result.stdout == b'{"version"' and result.stderr == b""


@pytest.mark.parametrize(
    "device, needle",
    [("/dev/null", "empty file"), ("/dev/zero", "binary"), ("/dev/urandom", "binary")],
)
def test_devices_answer_at_once(device, needle):
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    assert_one_line_error(run(device, SEED, "--json", timeout=20), needle)


def test_symlink_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert_one_line_error(run(str(loop), SEED, "--json"), "loop.txt: cannot read")
