"""`diptych URL URL`: pages fetched from a server of the test's own on 127.0.0.1. The seeds served
as news pages (and saved as Markdown) give the seeds' shared facts; every failure of the network
is one line and exit code 4."""

import gc
import gzip
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import webpages

from tui.cli import main
from tui.core.errors import EXIT_NETWORK
from tui.core.text.fetch import Limits, fetch

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-shared-facts.json").read_text(encoding="utf-8"))
ARTICLE = (
    "<!DOCTYPE html><html><head><title>Summit</title></head><body><article>"
    "<h1>Kim Arrives For Summit</h1><p>Kim arrived in Vladivostok on Wednesday by armoured train, "
    "officials said, ahead of talks with Putin on Thursday.</p></article></body></html>"
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, timeout=120, cwd=ROOT
    )


def shared_facts(data: dict) -> set[str]:
    """The gold facts a comparison's matches hit (snippets looked up in each document's text)."""
    left, right = (d["text"] for d in data["documents"])
    found = set()
    for fact in GOLD["facts"]:
        spans = [
            [(t.find(s), t.find(s) + len(s)) for s in fact[side] if s in t]
            for side, t in (("left", left), ("right", right))
        ]
        for match in data["matches"]:
            hits = [
                any(
                    a < span["end"] and span["start"] < b
                    for span in match[side]
                    for a, b in spans[i]
                )
                for i, side in enumerate(("left", "right"))
            ]
            if all(hits):
                found.add(fact["id"])
    return found


@pytest.fixture(scope="module")
def text_seeds() -> dict:
    result = run(str(webpages.RFERL), str(webpages.MOSCOW), "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_the_seeds_as_news_pages_by_url_find_the_same_facts(server, text_seeds):
    pages = webpages.seed_pages()
    server.page("/rferl/kim-arrives", pages["rferl"])
    server.page("/moscow/kim-arrives", pages["moscow"])
    left_url, right_url = server.url("/rferl/kim-arrives"), server.url("/moscow/kim-arrives")
    result = run(left_url, right_url, "--json")
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    data = json.loads(result.stdout)
    left, right = data["documents"]
    assert (left["source"], right["source"]) == (left_url, right_url)
    assert (left["kind"], right["kind"]) == ("html", "html")
    assert (left["title"], right["title"]) == (webpages.RFERL_HEADLINE, webpages.MOSCOW_HEADLINE)
    assert right["site"] == "The Moscow Times" and right["date"] == "2019-04-24"
    assert left["length"] == len(left["text"]) and "<" not in left["text"] + right["text"]
    for match in data["matches"]:
        assert all(0 <= s["start"] < s["end"] <= left["length"] for s in match["left"])
    assert len(data["matches"]) >= 12
    must = {f["id"] for f in GOLD["facts"] if f["kind"] == "must"}
    assert shared_facts(data) & must == shared_facts(text_seeds) & must == must


def test_the_seeds_as_markdown_files_find_the_same_facts(tmp_path, text_seeds):
    paths = []
    for key, text in webpages.seed_markdown().items():
        paths.append(tmp_path / f"{key}.md")
        paths[-1].write_text(text, encoding="utf-8")
    result = run(*map(str, paths), "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert [d["kind"] for d in data["documents"]] == ["markdown", "markdown"]
    assert [d["title"] for d in data["documents"]] == [
        webpages.RFERL_HEADLINE,
        webpages.MOSCOW_HEADLINE,
    ]
    assert len(data["matches"]) >= 12
    must = {f["id"] for f in GOLD["facts"] if f["kind"] == "must"}
    assert shared_facts(data) & must == shared_facts(text_seeds) & must == must


def test_a_url_beside_a_file_and_gzip(server):
    body = gzip.compress(ARTICLE.encode())

    def gzipped(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Encoding", "gzip")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    server.routes["/summit"] = gzipped
    result = run(str(webpages.RFERL), server.url("/summit"), "--json")
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)["documents"][1]
    assert doc["title"] == "Kim Arrives For Summit" and "armoured train" in doc["text"]


def test_charset_comes_from_the_header_or_the_page(server):
    russian = ARTICLE.replace("Kim arrived", "Путин прибыл во Владивосток. Kim arrived")
    server.page("/header", russian.encode("koi8-r"), "text/html; charset=koi8-r")
    meta = russian.replace("<head>", '<head><meta charset="windows-1251">')
    server.page("/meta", meta.encode("cp1251"), "text/html")
    for path in ("/header", "/meta"):
        page = fetch(server.url(path))
        from tui.core.text.sources import convert

        read = convert(page.data, "x", hint="html", declared=page.charset)
        assert "Путин прибыл во Владивосток" in read.text, path


def test_a_wrong_charset_in_the_header_is_overruled_with_a_note(server, capsys):
    server.page(
        "/mislabelled",
        ARTICLE.replace("Kim", "Kim Jong Un (김정은)").encode(),
        "text/html; charset=iso-8859-1",
    )
    data = json_main(server.url("/mislabelled"), server.url("/mislabelled"), capsys=capsys)
    assert "김정은" in data["documents"][0]["text"]
    assert "declares iso-8859-1, but reads as utf-8" in capsys.readouterr().err


def json_main(*args: str, capsys) -> dict:
    code = main([*args, "--json"])
    gc.enable()  # --json turns the collector off for its short run
    out = capsys.readouterr()
    assert code == 0, out.err
    sys.stderr.write(out.err)
    return json.loads(out.out)


def fails(capsys, *args: str, needle: str) -> None:
    start = time.monotonic()
    code = main([*args, "--json"])
    gc.enable()
    err = capsys.readouterr().err
    assert code == EXIT_NETWORK, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("diptych: "), err
    assert needle in err, err
    assert time.monotonic() - start < 30


def test_http_errors_name_their_status(server, capsys):
    def error(status):
        def handler(request):
            request.send_error(status)

        return handler

    server.routes["/broken"] = error(500)
    fails(capsys, server.url("/missing"), str(webpages.RFERL), needle="HTTP 404 Not Found")
    fails(
        capsys, str(webpages.RFERL), server.url("/broken"), needle="HTTP 500 Internal Server Error"
    )


def test_redirects_are_followed_up_to_five(server, capsys):
    def redirect(target):
        def handler(request):
            request.send_response(302)
            request.send_header("Location", target)
            request.send_header("Content-Length", "0")
            request.end_headers()

        return handler

    server.page("/page", ARTICLE)
    for i in range(5):
        server.routes[f"/r{i}"] = redirect(f"/r{i + 1}" if i < 4 else "/page")
    assert "armoured train" in fetch(server.url("/r0")).data.decode()
    server.routes["/loop"] = redirect("/loop")
    fails(capsys, server.url("/loop"), str(webpages.RFERL), needle="too many redirects")
    server.routes["/six"] = redirect(server.url("/r0"))
    fails(capsys, server.url("/six"), str(webpages.RFERL), needle="too many redirects")


def test_a_slow_server_times_out(server, capsys):
    def silent(request):
        time.sleep(3)

    def trickle(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        for _ in range(40):
            request.wfile.write(b"<p>a</p>")
            request.wfile.flush()
            time.sleep(0.2)

    server.routes["/silent"] = silent
    server.routes["/trickle"] = trickle
    fails(
        capsys, server.url("/silent"), str(webpages.RFERL), "--timeout", "0.5", needle="timed out"
    )
    # Each read comes in time; the whole page does not.
    fails(
        capsys, server.url("/trickle"), str(webpages.RFERL), "--timeout", "0.5", needle="timed out"
    )


def test_a_huge_body_is_cut_off_while_streaming(server, capsys):
    def endless(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        chunk = b"<p>" + b"x" * (1 << 20) + b"</p>"
        for _ in range(40):
            request.wfile.write(chunk)

    bomb = gzip.compress(b"<p>" + b"a" * (64 << 20) + b"</p>")

    def gzip_bomb(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Encoding", "gzip")
        request.send_header("Content-Length", str(len(bomb)))
        request.end_headers()
        request.wfile.write(bomb)

    def declared(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(1 << 30))
        request.end_headers()

    server.routes["/endless"] = endless
    server.routes["/bomb"] = gzip_bomb
    server.routes["/declared"] = declared
    for path in ("/endless", "/bomb", "/declared"):
        fails(capsys, server.url(path), str(webpages.RFERL), needle="too large")
    with pytest.raises(Exception, match="too large"):
        fetch(server.url("/endless"), Limits(max_bytes=1 << 20))


def test_what_is_not_a_page_is_refused_before_download(server, capsys):
    server.page("/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(1000), "image/png")
    fails(
        capsys,
        server.url("/logo.png"),
        str(webpages.RFERL),
        needle="not a text or HTML page (image/png)",
    )


def test_a_refused_connection_and_an_unknown_name(capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the request: nobody listens there
    fails(capsys, f"http://127.0.0.1:{port}/", str(webpages.RFERL), needle="connection refused")
    fails(capsys, "http://no-such-host.invalid/", str(webpages.RFERL), needle="name not found")


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd"])
def test_only_http_and_https(capsys, url):
    fails(capsys, url, str(webpages.RFERL), needle="only http:// and https:// URLs")


def test_plain_files_need_no_network(tmp_path):
    """With every proxy and resolver pointed nowhere, files still compare."""
    env = dict(os.environ, http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import socket\n"
            "def refuse(*a, **k): raise OSError('no network in this test')\n"
            "socket.socket.connect = refuse; socket.getaddrinfo = refuse\n"
            "from tui.cli import main; import sys; sys.exit(main(sys.argv[1:]))",
            str(webpages.RFERL),
            str(webpages.MOSCOW),
            "--json",
        ],
        capture_output=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["matches"]
