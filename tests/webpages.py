"""The two seed articles as a news site would serve them (menus, scripts, styles, a footer) and as
Markdown files, built from seeds/; and a small HTTP server on 127.0.0.1 for tests to program."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
RFERL = SEEDS / "rferl-kim-arrives-vladivostok.txt"
MOSCOW = SEEDS / "moscowtimes-kim-arrives-russia.txt"

# Which lines of each seed are the headline, the byline and date, and the article body; the rest
# of the seed (menus, player residue, notices) goes where a site puts it: nav, aside, footer.
RFERL_PARTS = {"headline": 4, "date": None, "byline": None, "body": range(15, 53)}
MOSCOW_PARTS = {"headline": 2, "date": 6, "byline": 4, "body": range(12, 73)}
RFERL_HEADLINE = "Putin Arrives In Vladivostok For Meeting With Hopeful North Korean Leader Kim"
MOSCOW_HEADLINE = "North Korea's Kim Jong Un Arrives in Russia for Summit With Putin"

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<style>
body {{ font-family: Georgia, "Times New Roman", serif; }}
.menu li {{ display: inline-block; }} .ad {{ width: 300px; height: 250px; }}
</style>
<script>
window.dataLayer = window.dataLayer || [];
function track(e) {{ var Date = new Date(); dataLayer.push({{event: e, Date: Date}}); }}
</script>
</head>
<body onload="track('load')">
<header>
<a class="logo" href="/">{site}</a>
<nav class="menu"><ul>
<li><a href="/news">News</a></li><li><a href="/world">World</a></li>
<li><a href="/russia">Russia</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/video">Video</a></li><li><a href="javascript:void(0)" onclick="track('menu')">More</a></li>
</ul></nav>
<div class="breaking">{furniture_top}</div>
</header>
<main>
<article>
<h1>{title}</h1>
{byline}
{body}
</article>
<aside class="related"><h2>Most read</h2><ul>
<li><a href="/a1">Ruble Hits New Low as Oil Prices Slide</a></li>
<li><a href="/a2">Moscow Metro Opens Three New Stations</a></li>
<li><a href="/a3">Weather: Snow Expected Across Central Russia</a></li>
</ul></aside>
</main>
<footer>
<p>{furniture_bottom}</p>
<p>&copy; 2019 {site}. All rights reserved. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p>
<script>track('footer'); document.write('<div class="ad">Advertisement</div>');</script>
</footer>
</body>
</html>
"""


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _page(path: Path, parts: dict, site: str) -> str:
    lines = _lines(path)
    body_index = set(parts["body"])
    esc = html.escape
    body = "\n".join(f"<p>{esc(lines[i].strip())}</p>" for i in parts["body"] if lines[i].strip())
    rest = [
        esc(line.strip())
        for i, line in enumerate(lines)
        if line.strip() and i not in body_index and i not in parts.values()
    ]
    byline = ""
    if parts["byline"] is not None:
        author = lines[parts["byline"]].replace("By ", "").replace("[", "").replace("](#)", "")
        byline = (
            f'<p class="byline">By <span class="author">{esc(author)}</span> '
            f'<time datetime="2019-04-24">{esc(lines[parts["date"]])}</time></p>'
        )
    return _HEAD.format(
        title=esc(lines[parts["headline"]].strip()),
        site=site,
        byline=byline,
        body=body,
        furniture_top=" ".join(rest[:3]),
        furniture_bottom=" ".join(rest[3:]),
    )


def seed_pages() -> dict[str, str]:
    """The two seeds as news pages: {"rferl": html, "moscow": html}."""
    return {
        "rferl": _page(RFERL, RFERL_PARTS, "Radio Free Europe/Radio Liberty"),
        "moscow": _page(MOSCOW, MOSCOW_PARTS, "The Moscow Times"),
    }


def _markdown(path: Path, parts: dict) -> str:
    lines = _lines(path)
    out = [f"# {lines[parts['headline']].strip()}", ""]
    if parts["byline"] is not None:
        out += [f"*{lines[parts['byline']].strip()}* — {lines[parts['date']].strip()}", ""]
    for i in parts["body"]:
        line = lines[i].strip()
        if line:
            # Markdown would read a leading "1." or "-" as a list, and "*" or "_" as emphasis.
            out += [line.replace("*", r"\*").replace("_", r"\_"), ""]
    out += ["---", "", "[Home](/) · [World](/world) · [Contact](mailto:news@example.org)", ""]
    return "\n".join(out)


def seed_markdown() -> dict[str, str]:
    """The two seeds as Markdown documents: {"rferl": md, "moscow": md}."""
    return {"rferl": _markdown(RFERL, RFERL_PARTS), "moscow": _markdown(MOSCOW, MOSCOW_PARTS)}


Handler = Callable[[BaseHTTPRequestHandler], None]


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (as diptych does past the size limit) breaks the handler's
    last flush; socketserver would print that traceback on stderr, which tests read."""

    def handle_error(self, request, client_address) -> None:
        pass


class PageServer:
    """An HTTP server on 127.0.0.1 whose paths answer as the test says; `url(path)` names them."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        routes = self.routes

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                handler = routes.get(self.path.split("?")[0])
                if handler is None:
                    self.send_error(404, "Not Found")
                    return
                try:
                    handler(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self._server = _QuietServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8"):
        """Serve `body` at `path` with a Content-Type and a Content-Length."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def handler(request: BaseHTTPRequestHandler) -> None:
            request.send_response(200)
            if content_type:
                request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = handler

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def page_server():
    with PageServer() as server:
        yield server
