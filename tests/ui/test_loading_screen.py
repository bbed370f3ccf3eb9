"""Texts from the web load with their progress on screen before the reader opens; a failure
ends the wait and comes back as the error (one line once the terminal is restored)."""

from __future__ import annotations

import time

import webpages

from tui.core.errors import NetworkError
from tui.core.text.fetch import Limits
from tui.ui.loading import LoadingApp


def slow_page(body: bytes, pieces: int = 8, pause: float = 0.15):
    """A handler sending `body` in pieces, with its length, so progress can be watched."""

    def handler(request) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        step = len(body) // pieces + 1
        for start in range(0, len(body), step):
            request.wfile.write(body[start : start + step])
            request.wfile.flush()
            time.sleep(pause)

    return handler


async def test_progress_shows_while_pages_arrive_then_the_documents_come_back(server) -> None:
    pages = webpages.seed_pages()
    server.routes["/left"] = slow_page(pages["rferl"].encode())
    server.routes["/right"] = slow_page(pages["moscow"].encode())
    app = LoadingApp({"left": server.url("/left"), "right": server.url("/right")})
    seen: list[float] = []
    async with app.run_test(size=(100, 20)) as pilot:
        while app.return_value is None and app.is_running:
            bar = app.query_one("#left-load")
            if bar.total:
                seen.append(bar.progress / bar.total)
            await pilot.pause(0.05)
    left, right = app.return_value
    assert (left.title, right.title) == (webpages.RFERL_HEADLINE, webpages.MOSCOW_HEADLINE)
    assert any(0 < fraction < 1 for fraction in seen), seen  # partway was shown
    assert seen == sorted(seen)


async def test_a_failure_ends_the_wait_with_the_error(server) -> None:
    server.page("/right", webpages.seed_pages()["moscow"])
    app = LoadingApp(
        {"left": server.url("/missing"), "right": server.url("/right")}, Limits(timeout=5)
    )
    async with app.run_test(size=(100, 20)) as pilot:
        while app.is_running:
            await pilot.pause(0.05)
    assert isinstance(app.return_value, NetworkError)
    assert "HTTP 404" in str(app.return_value)


async def test_quitting_while_loading_returns_nothing(server) -> None:
    server.routes["/slow"] = slow_page(b"<p>x</p>" * 100, pieces=20, pause=0.3)
    app = LoadingApp({"left": server.url("/slow"), "right": server.url("/slow")})
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("q")
    assert app.return_value is None
