"""Boilerplate marking: page furniture in the seeds
is marked, article text (headlines too) is not."""

from pathlib import Path

import pytest

from tui.core import build_document, load_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RFERL = SEEDS / "rferl-kim-arrives-vladivostok.txt"
MOSCOW = SEEDS / "moscowtimes-kim-arrives-russia.txt"


def flags(path):
    """Each sentence's text (whitespace collapsed) -> whether it is boilerplate."""
    doc = load_document(str(path))
    table: dict[str, bool] = {}
    for s in doc.sentences:
        table.setdefault(" ".join(doc.text[s.start : s.end].split()), s.boilerplate)
    return doc, table


def flagged(table, prefix):
    hits = [marked for text, marked in table.items() if text.startswith(prefix)]
    assert hits, f"no sentence starts with {prefix!r}"
    return all(hits)


def kept(table, prefix):
    hits = [marked for text, marked in table.items() if text.startswith(prefix)]
    assert hits, f"no sentence starts with {prefix!r}"
    return not any(hits)


RFERL_FURNITURE = [
    "Accessibility links",
    "Breaking News",
    "Updated",
    "please wait",
    "No media source currently available",
    "0:00 0:00:58 0:00",
    "• 16x9 Image",
    "RFE/RL",
    "RFE/RL journalists report the news",
    "We provide what many",
    "RFE/RL has been declared",
    "If you are in Russia",
    "To find out more, click here.",
    "XS",
    "SM",
    "MD",
    "LG",
    "Russian President Vladimir Putin (left) and North Korean leader Kim Jong Un (file photos)",
    "With reporting by Reuters",
]
MOSCOW_FURNITURE = [
    "By [Reuters](#)",
    "Alexander Safronov / TASS",
    "Embed:",
    "Побежали, потерялись",
    "— Дмитрий Смирнов (@dimsmirnov175)",
    "Related article: [First Putin-Kim Summit",
    "Original url:",
    "<https://www.themoscowtimes.com/",
]
RFERL_ARTICLE = [
    "Putin Arrives In Vladivostok For Meeting With Hopeful North Korean Leader Kim",
    "Kim Jong Un Arrives In Vladivostok To Meet Putin",
    "North Korea's Kim Jong Un arrives in Russia",
    "North Korean leader Kim Jong Un says he hopes",
    "Kim’s father, the late Kim Jong Il",
    "The elder North Korean leader",
    "Kremlin aide Yury Ushakov told",
    "In March, the United States imposed fresh sanctions",
]
MOSCOW_ARTICLE = [
    "North Korea's Kim Jong Un Arrives in Russia for Summit With Putin",
    "North Korean leader Kim Jong Un crossed",
    "The young leader will meet with Putin",
    '"Russia intends to help',
    '"Positive progress"',
    "His chief of staff Kim Chang Son and sister Kim Yo Jong",
    "The school's campus is expected",
    "The sports complex at the university",
    "Security guards at the entrance",
]


@pytest.mark.parametrize("prefix", RFERL_FURNITURE)
def test_rferl_furniture_is_marked(prefix):
    assert flagged(flags(RFERL)[1], prefix)


@pytest.mark.parametrize("prefix", MOSCOW_FURNITURE)
def test_moscow_times_furniture_is_marked(prefix):
    assert flagged(flags(MOSCOW)[1], prefix)


@pytest.mark.parametrize("prefix", RFERL_ARTICLE)
def test_rferl_article_text_is_kept(prefix):
    assert kept(flags(RFERL)[1], prefix)


@pytest.mark.parametrize("prefix", MOSCOW_ARTICLE)
def test_moscow_times_article_text_is_kept(prefix):
    assert kept(flags(MOSCOW)[1], prefix)


@pytest.mark.parametrize("path", [RFERL, MOSCOW])
def test_every_long_article_paragraph_is_kept(path):
    """Precision: no sentence of a long prose paragraph outside the footer is marked."""
    doc = load_document(str(path))
    footer = doc.text.find("RFE/RL journalists")
    for s in doc.sentences:
        text = doc.text[s.start : s.end]
        if (
            len(text.split()) >= 12
            and text.endswith((".", '"', "”"))
            and (footer < 0 or s.start < footer)
        ):
            assert not s.boilerplate, text


def test_boilerplate_stays_in_the_text():
    doc = load_document(str(RFERL))
    assert doc.text == RFERL.read_text(encoding="utf-8")
    assert any(s.boilerplate for s in doc.sentences)


def test_title_skips_furniture():
    assert (
        flags(RFERL)[0].title
        == "Putin Arrives In Vladivostok For Meeting With Hopeful North Korean Leader Kim"
    )
    assert (
        flags(MOSCOW)[0].title
        == "North Korea's Kim Jong Un Arrives in Russia for Summit With Putin"
    )


def test_general_rules_on_an_unseen_page():
    page = "\n\n".join(
        [
            "Skip to main content",
            "Share on Facebook",
            "Floods Hit Northern Town After Days Of Rain",
            "Photo: Jane Doe / Reuters",
            "Heavy rain flooded the northern town of Leeds on Monday, officials said, forcing hundreds of residents to leave.",
            "Read more: [Storms across Europe](https://example.com/storms)",
            "Rescue teams worked through the night. The river peaked at 4.2 metres.",
            "Advertisement",
            "The mayor said the town would rebuild.",
            "Sign up for our newsletter to get the day's top stories.",
            "© 2024 Example News. All rights reserved.",
            "https://example.com/floods",
        ]
    )
    doc = build_document(page)
    table = {doc.text[s.start : s.end]: s.boilerplate for s in doc.sentences}
    marked = {t for t, b in table.items() if b}
    assert marked >= {
        "Skip to main content",
        "Share on Facebook",
        "Photo: Jane Doe / Reuters",
        "Read more: [Storms across Europe](https://example.com/storms)",
        "Advertisement",
        "Sign up for our newsletter to get the day's top stories.",
        "© 2024 Example News.",
        "All rights reserved.",
        "https://example.com/floods",
    }
    assert not marked & {
        "Floods Hit Northern Town After Days Of Rain",
        "Rescue teams worked through the night.",
        "The river peaked at 4.2 metres.",
        "The mayor said the town would rebuild.",
    }


def test_prose_with_cue_words_inside_quotes_or_middle_is_kept():
    text = (
        "The court declared the election valid on Monday after a long hearing in the capital city.\n\n"
        '"We will keep reporting the news for our readers," the editor said after the ruling in court.\n\n'
        "The ruling can be appealed within thirty days, lawyers for both parties told reporters outside."
    )
    doc = build_document(text)
    assert not any(s.boilerplate for s in doc.sentences)


def test_bible_text_is_not_furniture():
    text = (
        "In the beginning God created the heaven and the earth. And the earth was without form, and void.\n\n"
        "And God said, Let there be light: and there was light.\n\n"
        "Jesus wept.\n\n"
        "And God called the light Day, and the darkness he called Night."
    )
    assert not any(s.boilerplate for s in build_document(text).sentences)


def test_repeated_line_later_copy_marked_first_kept():
    text = "Kim meets Putin in Vladivostok\n\nThe two leaders met on Thursday for talks.\n\nKim meets Putin in Vladivostok\n"
    doc = build_document(text)
    marks = [s.boilerplate for s in doc.sentences]
    assert marks == [False, False, True]


def test_general_rules_on_a_wire_style_page():
    page = "\n".join(
        [
            "Published 3 hours ago",
            "Share this with Facebook / Messenger / Twitter / Email / Copy this link",
            "Russia and China Sign Energy Deal in Beijing",
            "FILE - Russian President Vladimir Putin speaks in Moscow (AP Photo/Alexander Zemlianichenko, File)",
            "Image source, Reuters",
            "MOSCOW (AP) — Russia and China signed a long-term gas supply deal on Tuesday, the Kremlin said.",
            "Story continues below advertisement",
            "The agreement runs for 30 years, officials said. Prices were not disclosed.",
            "Tags: Russia, China, Energy",
            "Copyright 2024 The Associated Press.",
        ]
    )
    doc = build_document(page)
    table = {doc.text[s.start : s.end]: s.boilerplate for s in doc.sentences}
    assert [t for t, b in table.items() if not b] == [
        "Russia and China Sign Energy Deal in Beijing",
        "MOSCOW (AP) — Russia and China signed a long-term gas supply deal on Tuesday, the Kremlin said.",
        "The agreement runs for 30 years, officials said.",
        "Prices were not disclosed.",
    ]


def test_site_phrases_in_news_prose_are_not_furniture():
    text = (
        "Five more countries will sign up to the treaty next year, diplomats said on Monday in Geneva.\n\n"
        "Few economists subscribe to the view that rates will fall before the summer, a survey found.\n\n"
        "Users who log in to the state portal can check their tax records online, the ministry said."
    )
    assert not any(s.boilerplate for s in build_document(text).sentences)


def test_read_more_labels_and_russian_furniture():
    page = "\n\n".join(
        [
            "Путин встретился с Ким Чен Ыном во Владивостоке в четверг, сообщили в Кремле журналистам.",
            "Фото: Михаил Метцель / ТАСС",
            "Читайте также: Ким Чен Ын прибыл в Россию на бронепоезде",
            "Реклама",
            "Read more: Kim's armoured train crosses into Russia",
            "Переговоры продолжались около двух часов, после чего лидеры вышли к прессе.",
        ]
    )
    doc = build_document(page)
    assert [s.boilerplate for s in doc.sentences] == [False, True, True, True, True, False]
