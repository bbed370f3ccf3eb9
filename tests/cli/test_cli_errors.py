"""Bad input gets one line on stderr and a non-zero exit code, never a traceback."""

import subprocess
import sys


def run(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, timeout=60)


def assert_one_line_error(result, needle):
    assert result.returncode != 0
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert needle in err


def test_missing_file(tmp_path):
    assert_one_line_error(run(str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt"), "--json"), "no such file")


def test_directory(tmp_path):
    assert_one_line_error(run(str(tmp_path), str(tmp_path), "--json"), "directory")
