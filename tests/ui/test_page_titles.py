"""Which text is on which side: pane titles name the site and headline of a page, or the file;
a text in another language gets one notice that matching is tuned for English."""

from __future__ import annotations

import webpages

from tui.core import build_document, load_document

RUSSIAN = (
    "Путин прибыл во Владивосток для встречи с Ким Чен Ыном. Переговоры пройдут в четверг на "
    "острове Русский, сообщили в Кремле. Ким приехал на бронепоезде и был встречен хлебом и солью."
)


def notices(app) -> list[str]:
    # Textual keeps the notifications it shows here; headless runs draw no toasts to query.
    return [n.message for n in app._notifications]


def title(app, side: str) -> str:
    return str(app.query_one(f"#{side}-title").render())


async def test_pane_titles_say_site_and_headline_of_pages(tmp_path, make_app, settle) -> None:
    pages = webpages.seed_pages()
    paths = []
    for key in ("rferl", "moscow"):
        paths.append(tmp_path / f"{key}.html")
        paths[-1].write_text(pages[key], encoding="utf-8")
    left, right = (load_document(str(p)) for p in paths)
    app = make_app(left, right)
    async with app.run_test(size=(200, 48)) as pilot:
        await settle(pilot)
        assert f"Radio Free Europe/Radio Liberty — {webpages.RFERL_HEADLINE}" in title(app, "left")
        assert f"The Moscow Times — {webpages.MOSCOW_HEADLINE}" in title(app, "right")
        assert "sentences shared" in title(app, "left")
        assert notices(app) == []  # both in English


async def test_pane_titles_name_the_files_of_plain_texts(make_app, settle) -> None:
    left, right = load_document(str(webpages.RFERL)), load_document(str(webpages.MOSCOW))
    app = make_app(left, right)
    async with app.run_test(size=(200, 48)) as pilot:
        await settle(pilot)
        assert "rferl-kim-arrives-vladivostok.txt — Putin Arrives" in title(app, "left")
        assert "moscowtimes-kim-arrives-russia.txt — North Korea's" in title(app, "right")


async def test_a_text_in_another_language_gets_one_notice(make_app, settle) -> None:
    left = build_document(RUSSIAN, "ru.txt", "ru.txt")
    right = load_document(str(webpages.MOSCOW))
    app = make_app(left, right)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert notices(app) == [
            "The left text does not read as English; matching and entities are tuned for English."
        ]
