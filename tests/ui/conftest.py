"""Shared UI fixtures: readers over hand-built comparisons (exact matches) or the seeds, pinned
theme."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest
from textual.pilot import Pilot

from tui.cli import seed_paths
from tui.core import Comparison, Document, Entity, Match, Span, build_document, load_document
from tui.ui.app import DiptychApp

THEME = "textual-dark"
WIDE, SMALL = (160, 48), (80, 24)

FACTS = [
    "the bridge at Narva reopened after {n} weeks of repairs",
    "the mayor promised {n} new buses for the northern district",
    "a storm cut power to {n} homes near the harbour",
    "the orchestra played {n} encores for the festival crowd",
    "farmers reported the largest apple harvest in {n} years",
    "the museum returned {n} paintings to their owners",
]


def fact_text(order: Sequence[int], words: str) -> str:
    """Paragraphs of numbered facts; each fact sentence is followed by filler only this text has."""
    paragraphs = []
    for i in order:
        fact = FACTS[i % len(FACTS)].format(n=i + 2)
        paragraphs.append(
            f"Officials said {fact}. {words.capitalize()} number {i} kept everyone {words}."
        )
    return "Report On The Week In The Region\n\n" + "\n\n".join(paragraphs) + "\n"


def hand_comparison(
    left: Document,
    right: Document,
    pairs: Sequence[tuple[Sequence[int], Sequence[int], float]],
    entities=(),
) -> Comparison:
    """A Comparison whose matches link the given sentence indices; shared words are the common
    words."""
    matches = []
    for number, (lefts, rights, score) in enumerate(pairs):
        spans = {
            "left": tuple(left.sentences[i].span for i in lefts),
            "right": tuple(right.sentences[i].span for i in rights),
        }
        words = {
            side: [
                (m.group().lower(), Span(m.start() + s.start, m.end() + s.start))
                for s in spans[side]
                for m in re.finditer(r"\w+", doc.text[s.start : s.end])
            ]
            for side, doc in (("left", left), ("right", right))
        }
        common = {w for w, _ in words["left"]} & {w for w, _ in words["right"]}
        shared = {
            side: tuple(span for w, span in words[side] if w in common and len(w) > 3)
            for side in words
        }
        matches.append(
            Match(
                number,
                spans["left"],
                spans["right"],
                score,
                shared["left"],
                shared["right"],
                tuple(lefts),
                tuple(rights),
            )
        )
    return Comparison(left, right, tuple(matches), tuple(entities), 0.0)


def fixed_compare(comparison: Comparison) -> Callable[..., Comparison]:
    """A compare function for DiptychApp: the hand-built matches scoring at least the threshold."""

    def compare(left, right, threshold, progress=None):
        if progress:
            progress(1.0)
        kept = tuple(m for m in comparison.matches if m.score >= threshold)
        return Comparison(left, right, kept, comparison.entities, threshold)

    return compare


def entity(label: str, left: Document, right: Document, kind: str = "PLACE") -> Entity:
    """An entity with every literal mention of `label` on both sides."""
    found = {
        side: tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(label), doc.text))
        for side, doc in (("left", left), ("right", right))
    }
    return Entity(label, kind, (label,), found)


@pytest.fixture(autouse=True)
def reports_in_tmp(monkeypatch, tmp_path) -> None:
    """`w` writes the HTML report beside the inputs: in tests (fuzzing presses it too) the folder
    is the test's own, never seeds/."""
    from tui.ui import export

    real = export.report_name
    monkeypatch.setattr(export, "report_name", lambda sources: (tmp_path, real(sources)[1]))


@pytest.fixture
def long_pair() -> tuple[Document, Document, Comparison]:
    """Two 40-fact reports in opposite orders, so
    every counterpart starts off screen; 40 matches."""
    count = 40
    left = build_document(fact_text(range(count), "quietly"), "left.txt")
    right = build_document(fact_text(range(count - 1, -1, -1), "loudly"), "right.txt")
    # Sentence 0 is the headline; fact i is sentence 1 + 2 * position.
    pairs = [
        ([1 + 2 * i], [1 + 2 * (count - 1 - i)], 0.3 + 0.6 * (i % 4) / 3) for i in range(count)
    ]
    narva = entity("Narva", left, right)
    return left, right, hand_comparison(left, right, pairs, entities=(narva,))


@pytest.fixture
def make_app() -> Callable[..., DiptychApp]:
    """make_app(left, right, comparison=None, threshold=0.25, theme=THEME) -> DiptychApp."""

    def factory(
        left: Document,
        right: Document,
        comparison: Comparison | None = None,
        threshold: float = 0.25,
        theme: str = THEME,
    ):
        compare_fn = fixed_compare(comparison) if comparison is not None else None
        return DiptychApp(left, right, threshold, theme=theme, compare_fn=compare_fn)

    return factory


@pytest.fixture
def seed_docs() -> tuple[Document, Document]:
    left, right = seed_paths()
    return load_document(left), load_document(right)


async def _settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def settle() -> Callable:
    """`await settle(pilot)`: let the alignment worker finish and the screen catch up."""
    return _settle


@pytest.fixture(name="hand_comparison")
def hand_comparison_fixture() -> Callable[..., Comparison]:
    """hand_comparison(left, right, [(left_sentences,
    right_sentences, score), ...], entities=())."""
    return hand_comparison
