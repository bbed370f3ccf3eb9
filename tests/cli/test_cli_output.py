"""Successful runs: the seeds by default, stdin,
other scripts, notes and warnings, safe --output."""

import json
import os
import subprocess
import sys

from tui.core.errors import EXIT_OUTPUT

SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "seeds")
RFERL = os.path.join(SEEDS, "rferl-kim-arrives-vladivostok.txt")
MOSCOW = os.path.join(SEEDS, "moscowtimes-kim-arrives-russia.txt")


def run(*args, stdin=b"", cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, timeout=120, cwd=cwd
    )


def ok_json(result):
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return json.loads(result.stdout)


def test_no_arguments_compares_the_seeds(tmp_path):
    data = ok_json(run("--json", cwd=tmp_path))
    assert data["version"] == 2
    paths = [os.path.basename(d["source"]) for d in data["documents"]]
    assert paths == ["rferl-kim-arrives-vladivostok.txt", "moscowtimes-kim-arrives-russia.txt"]
    assert [d["encoding"] for d in data["documents"]] == ["utf-8", "utf-8"]
    assert data["documents"][0]["title"].startswith("Putin Arrives In Vladivostok")
    assert any(s["boilerplate"] for s in data["documents"][0]["sentences"])


def test_stdin_as_one_side():
    with open(MOSCOW, "rb") as handle:
        data = ok_json(run(RFERL, "-", "--json", stdin=handle.read()))
    assert data["documents"][1]["source"] == "stdin"
    with open(MOSCOW, encoding="utf-8") as handle:
        assert data["documents"][1]["text"] == handle.read()


def test_identical_texts_match_themselves():
    data = ok_json(run(RFERL, RFERL, "--json"))
    assert data["matches"]
    assert all(m["left"] == m["right"] for m in data["matches"][:5])


def test_unrelated_texts_give_json_and_a_one_line_warning(tmp_path):
    other = tmp_path / "bake.txt"
    other.write_text(
        "Preheat the oven to 200 degrees. Whisk eggs with sugar until pale and fluffy.\n"
    )
    result = run(RFERL, str(other), "--json")
    assert ok_json(result)["matches"] == []
    assert (
        result.stderr.decode().strip()
        == "diptych: warning: no shared passages found (the texts may be unrelated)"
    )


def test_legacy_encoding_is_named_on_stderr_and_in_json(tmp_path):
    ru = tmp_path / "ru.txt"
    ru.write_bytes("Путин прибыл во Владивосток. Ким Чен Ын приехал на поезде.".encode("cp1251"))
    result = run(str(ru), str(ru), "--json")
    data = ok_json(result)
    assert data["documents"][0]["encoding"] == "cp1251"
    notes = [line for line in result.stderr.decode().splitlines() if "note:" in line]
    assert (
        notes
        == [
            f"diptych: note: {ru}: not UTF-8; decoded as cp1251",
            f"diptych: note: {ru}: does not read as English; matching and entities are tuned for English",
        ]
        * 2
    )


def test_other_scripts_emoji_and_wide_characters(tmp_path):
    samples = {
        "ru.txt": "Ким Чен Ын прибыл во Владивосток. Встреча с Путиным пройдёт в четверг.",
        "zh.txt": "金正恩抵达符拉迪沃斯托克。他将与普京举行会谈！",
        "ar.txt": "وصل كيم جونغ أون إلى فلاديفوستوك. هل سيلتقي بوتين؟ نعم۔",
        "emoji.txt": "🚆 Kim arrived by train 🇰🇵. Ｐｕｔｉｎ waited 👩‍👩‍👧 in Vladivostok.",
    }
    for name, text in samples.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        data = ok_json(run(str(path), RFERL, "--json"))
        doc = data["documents"][0]
        assert doc["length"] == len(text)
        assert len(doc["sentences"]) >= 2, name
        assert all(0 <= s["start"] < s["end"] <= len(text) for s in doc["sentences"])


def test_hostile_text_is_data(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(
        b"[bold red]x[/] \x1b[2J\x1b]52;c;ZXZpbA==\x07 \xe2\x80\xae reversed [@click=app.quit]q[/].\n"
    )
    doc = ok_json(run(str(hostile), RFERL, "--json"))["documents"][0]
    assert doc["length"] == len(
        "[bold red]x[/] [2J]52;c;ZXZpbA==  reversed [@click=app.quit]q[/].\n"
    )


def test_entities_json(tmp_path):
    data = ok_json(run("entities", MOSCOW, "--json"))
    assert data["version"] == 2 and data["document"]["title"].startswith(
        "North Korea's Kim Jong Un"
    )
    assert data["document"]["encoding"] == "utf-8"
    assert isinstance(data["entities"], list)


def test_output_writes_a_new_file_and_never_overwrites_without_force(tmp_path):
    out = tmp_path / "out.json"
    assert run(RFERL, MOSCOW, "--json", "-o", str(out)).returncode == 0
    first = json.loads(out.read_text())
    out.write_text("keep me")
    result = run(RFERL, MOSCOW, "--json", "-o", str(out))
    assert result.returncode == EXIT_OUTPUT and b"already exists (use --force" in result.stderr
    assert out.read_text() == "keep me"
    assert run(RFERL, MOSCOW, "--json", "-o", str(out), "--force").returncode == 0
    assert json.loads(out.read_text()) == first


def test_output_never_writes_over_an_input_even_with_force(tmp_path):
    left = tmp_path / "left.txt"
    left.write_text("Kim arrived in Vladivostok on Wednesday by train.\n")
    link = tmp_path / "link.json"
    link.symlink_to(left)
    for target in (left, link):
        result = run(str(left), RFERL, "--json", "-o", str(target), "--force")
        assert result.returncode == EXIT_OUTPUT and b"is one of the inputs" in result.stderr
    assert left.read_text() == "Kim arrived in Vladivostok on Wednesday by train.\n"


def test_entities_output_is_guarded_too(tmp_path):
    result = run("entities", MOSCOW, "--json", "-o", MOSCOW, "--force")
    assert result.returncode == EXIT_OUTPUT and b"is one of the inputs" in result.stderr


def test_undecodable_file_name_stays_valid_json(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/bad\xff.txt"
    with open(name, "wb") as handle:
        handle.write(b"Kim arrived in Vladivostok on Wednesday by train.\n")
    result = subprocess.run(
        [sys.executable, "-m", "tui", name, RFERL, "--json"], capture_output=True, timeout=120
    )
    # JSON in UTF-8 cannot hold the byte itself: it is written as an escape, as `ls -b` does.
    assert json.loads(result.stdout.decode("utf-8"))["documents"][0]["source"].endswith(
        "bad\\xff.txt"
    )


def test_a_page_on_stdin_is_read_as_a_page():
    page = (
        "<!DOCTYPE html><html><head><title>Kim Arrives | News</title><script>var Date = 1;</script>"
        "</head><body><nav><a href='/'>Home</a></nav><article><h1>Kim Arrives In Russia</h1>"
        "<p>North Korean leader Kim Jong Un crossed the border into Russia on Wednesday by train, "
        "Russian media reported.</p></article></body></html>"
    )
    data = ok_json(run(RFERL, "-", "--json", stdin=page.encode()))
    doc = data["documents"][1]
    assert (
        doc["source"] == "stdin"
        and doc["kind"] == "html"
        and doc["title"] == "Kim Arrives In Russia"
    )
    assert doc["text"].startswith(
        "Kim Arrives In Russia\n\nNorth Korean leader Kim Jong Un crossed"
    )
    assert "var Date" not in doc["text"] and "Home" not in doc["text"]
