"""Findings without Textual: stepping through only-one-side passages and disagreements, and the
report file name that never replaces a file."""

from tui.core import Span, build_document
from tui.core.align.discrepancies import Discrepancy
from tui.ui.export import report_name, write_new
from tui.ui.model.findings import Findings


def doc(*sentences):
    return build_document("\n\n".join(sentences) + "\n")


def test_steps_wrap_around_the_text_both_ways():
    left = doc("One alone here.", "Two shared.", "Three alone here. Four alone too.")
    right = doc("Two shared.")
    found = Findings({"left": left, "right": right}, {"left": {1}, "right": {0}}, ())
    starts = [p.span.start for p in found.only["left"]]
    assert len(starts) == 2  # sentences 3 and 4 (one paragraph) make one passage
    assert found.only_sentences("left") == 3 and found.only_sentences("right") == 0
    assert found.step_only("left", -1, 1).span.start == starts[0]
    assert found.step_only("left", starts[0], 1).span.start == starts[1]
    assert found.step_only("left", starts[1], 1).span.start == starts[0]  # wraps
    assert found.step_only("left", starts[0], -1).span.start == starts[1]  # wraps back
    assert found.step_only("right", 0, 1) is None


def test_disagreements_follow_each_sides_reading_order():
    left, right = doc("a b c d e f g h"), doc("a b c d e f g h")
    found_in = (
        Discrepancy(0, "number", Span(8, 9), Span(0, 1)),
        Discrepancy(1, "date", Span(0, 1), Span(8, 9)),
    )
    found = Findings({"left": left, "right": right}, {"left": {0}, "right": {0}}, found_in)
    assert found.step_differ("left", None, -1, 1) == 1
    assert found.step_differ("left", 1, 0, 1) == 0
    assert found.step_differ("right", None, -1, 1) == 0
    assert found.step_differ("right", 0, 0, -1) == 1


def test_the_report_name_is_new_each_time(tmp_path):
    source = tmp_path / "a b.txt"
    source.write_text("x")
    folder, stem = report_name([str(source), None])
    assert folder == tmp_path and stem == "a_b-vs-stdin.diptych"
    paths = [write_new(f"page {n}", folder, stem) for n in range(3)]
    assert [p.name for p in paths] == [
        "a_b-vs-stdin.diptych.html",
        "a_b-vs-stdin.diptych-2.html",
        "a_b-vs-stdin.diptych-3.html",
    ]
    assert paths[0].read_text() == "page 0"
