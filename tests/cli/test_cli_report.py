"""`diptych A B --html`: the report on stdout or in a new file, never over an existing one."""

import os
import subprocess
import sys

from tui.core.errors import EXIT_OUTPUT, EXIT_USAGE

SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "seeds")
RFERL = os.path.join(SEEDS, "rferl-kim-arrives-vladivostok.txt")
MOSCOW = os.path.join(SEEDS, "moscowtimes-kim-arrives-russia.txt")


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, timeout=120, cwd=cwd
    )


def test_html_goes_to_stdout_without_output():
    result = run(RFERL, MOSCOW, "--html")
    assert result.returncode == 0, result.stderr.decode()
    page = result.stdout.decode("utf-8")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert 'data-match="0"' in page and "Putin Arrives In Vladivostok" in page


def test_html_output_is_a_new_file_and_never_overwrites_without_force(tmp_path):
    out = tmp_path / "report.html"
    assert run(RFERL, MOSCOW, "--html", "-o", str(out)).returncode == 0
    first = out.read_text(encoding="utf-8")
    assert "<main class=panes>" in first
    out.write_text("keep me")
    result = run(RFERL, MOSCOW, "--html", "-o", str(out))
    assert result.returncode == EXIT_OUTPUT and b"already exists (use --force" in result.stderr
    assert out.read_text() == "keep me"
    assert run(RFERL, MOSCOW, "--html", "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8") == first


def test_html_never_writes_over_an_input(tmp_path):
    left = tmp_path / "left.txt"
    left.write_text("Kim arrived in Vladivostok on Wednesday by train.\n")
    result = run(str(left), RFERL, "--html", "-o", str(left), "--force")
    assert result.returncode == EXIT_OUTPUT and b"is one of the inputs" in result.stderr
    assert left.read_text() == "Kim arrived in Vladivostok on Wednesday by train.\n"


def test_json_and_html_together_is_a_usage_error():
    result = run(RFERL, MOSCOW, "--json", "--html")
    assert result.returncode == EXIT_USAGE
    assert result.stderr.decode().strip() == "diptych: choose one of --json and --html"
