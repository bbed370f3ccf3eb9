"""Saved web pages: article-text quality, leftover markup and load time, from files and by URL.

    .venv/bin/python benchmarks/bench_html.py [HTML_DIR] [--runs N]

HTML_DIR holds `pages/KEY.html.gz` and `ground-truth.json` ({KEY: {"articleBody", "url"}}), as in
the article-extraction benchmark (default ../shared/dev/html). Each page is loaded with
`load_document` twice: from a file (decompressed into a temporary folder) and by URL from an HTTP
server of this script's own on 127.0.0.1 (served as text/html without a charset, so the page's
<meta> decides). Quality is the benchmark's bag-of-words F1 (lower-cased \\w+ tokens, counted with
multiplicity) of the text diptych does not flag as boilerplate against `articleBody`. Baselines
measured in the same run: every visible line of the page (no extraction) for quality, and bare
`trafilatura.extract` for time. Times are medians over pages of each page's median of N runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _common import median_time  # noqa: E402

from tui.core import load_document  # noqa: E402
from tui.core.text import html  # noqa: E402

DEFAULT_DIR = REPO.parent / "shared" / "dev" / "html"
_TOKEN = re.compile(r"\w+")
# A tag, a comment or doctype, or an entity left undecoded.
_MARKUP = re.compile(r"<[A-Za-z/!?][^<>]{0,200}>|&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def f1(text: str, truth: str) -> float:
    got, want = Counter(_TOKEN.findall(text.lower())), Counter(_TOKEN.findall(truth.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def content(doc) -> str:
    """The text diptych shows as article: every sentence not flagged boilerplate."""
    return "\n".join(doc.text[s.start : s.end] for s in doc.content_sentences)


def serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            data = pages.get(self.path.lstrip("/"))
            if data is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("html_dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(args.html_dir)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((folder / "pages" / f"{key}.html.gz").read_bytes()) for key in truth
    }

    import trafilatura

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        server = serve(pages)
        port = server.server_address[1]
        for key, data in pages.items():
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(data)
            body = truth[key]["articleBody"]
            t_file, from_file = median_time(lambda: load_document(str(path)), args.runs)
            t_url, from_url = median_time(
                lambda: load_document(f"http://127.0.0.1:{port}/{key}"), args.runs
            )
            page_text = data.decode(from_file.encoding, "replace")
            t_bare, _ = median_time(lambda: trafilatura.extract(data), args.runs)
            visible = html._whole_text(page_text, "").text
            texts = (from_file.text, from_url.text)
            rows.append(
                {
                    "key": key,
                    "f1_file": f1(content(from_file), body),
                    "f1_url": f1(content(from_url), body),
                    "f1_all": f1(from_file.text, body),
                    "f1_visible": f1(visible, body),
                    "same": from_file.text == from_url.text,
                    "markup": sum(
                        len(_MARKUP.findall(t)) + len(_CONTROL.findall(t)) for t in texts
                    ),
                    "t_file": t_file,
                    "t_url": t_url,
                    "t_bare": t_bare,
                    "kind": from_file.kind,
                    "english": from_file.likely_english,
                    "title": from_file.title,
                }
            )
        server.shutdown()

    def mean(field: str) -> float:
        return statistics.mean(r[field] for r in rows)

    def median_ms(field: str) -> float:
        return 1000 * statistics.median(r[field] for r in rows)

    print(f"{len(rows)} pages from {folder}, {args.runs} runs each")
    print(
        f"mean token F1, non-boilerplate text vs articleBody: file {mean('f1_file'):.3f}, URL {mean('f1_url'):.3f}"
    )
    print(f"  whole extracted text (boilerplate included): {mean('f1_all'):.3f}")
    print(f"  baseline, every visible line of the page:    {mean('f1_visible'):.3f}")
    print(
        f"  pages below 0.8: {sum(r['f1_file'] < 0.8 for r in rows)}; lowest: "
        + ", ".join(
            f"{r['key'][:8]} {r['f1_file']:.2f}"
            for r in sorted(rows, key=lambda r: r["f1_file"])[:5]
        )
    )
    print(f"same text from file and URL: {sum(r['same'] for r in rows)}/{len(rows)}")
    print(
        f"markup or control characters left (tags, entities, C0/C1), both loads: {sum(r['markup'] for r in rows)} "
        f"in {sum(bool(r['markup']) for r in rows)} pages"
    )
    print(
        f"read as html: {sum(r['kind'] == 'html' for r in rows)}/{len(rows)}; "
        f"flagged not English: {sum(not r['english'] for r in rows)}"
    )
    file_ms, url_ms, bare_ms = median_ms("t_file"), median_ms("t_url"), median_ms("t_bare")
    print(
        f"median load per page: file {file_ms:.1f} ms, URL {url_ms:.1f} ms; "
        f"bare trafilatura.extract {bare_ms:.1f} ms (file / bare = {file_ms / bare_ms:.2f}x)"
    )
    print(f"slowest file load: {1000 * max(r['t_file'] for r in rows):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
