"""Entities linked in a forked child give exactly what linking inline gives."""

import pytest

from tui.cli import seed_paths
from tui.core.align.aligner import Aligner
from tui.core.align.units import Units
from tui.core.comparison import compare
from tui.core.entities.linking import link_entities
from tui.core.errors import InputError
from tui.core.parallel import Background
from tui.core.text.document import load_document, load_pair


@pytest.fixture(scope="module")
def seed_pair():
    return tuple(load_document(p) for p in seed_paths())


def test_forked_result_equals_inline(seed_pair):
    left, right = seed_pair
    assert Background([(link_entities, (left, right))], fork=True).result(0) == link_entities(
        left, right
    )


def test_a_failing_child_reraises_in_the_caller():
    def boom():
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        Background([(boom, ())], fork=True).result(0)


def test_long_texts_compare_the_same_with_and_without_fork(seed_pair, monkeypatch):
    left, right = seed_pair
    inline = compare(left, right)
    monkeypatch.setattr("tui.core.comparison.FORK_THRESHOLD", 0)
    forked = compare(left, right)
    assert forked.entities == inline.entities and forked.matches == inline.matches


def test_tasks_run_in_order_and_each_result_is_taken_on_its_own():
    work = Background([(sorted, ([3, 1, 2],)), (max, ([4, 9, 1],)), (len, ("four",))], fork=True)
    assert work.result(1) == 9
    assert work.result(0) == [1, 2, 3]
    assert work.result(2) == 4


def test_a_failing_task_does_not_stop_the_ones_after_it():
    def boom():
        raise ValueError("bad input")

    work = Background([(boom, ()), (sum, ([1, 2],))], fork=True)
    assert work.result(1) == 3
    with pytest.raises(ValueError, match="bad input"):
        work.result(0)


def test_units_made_in_the_child_align_as_units_made_here(seed_pair):
    left, right = seed_pair
    units = Background([(Units, (left,))], fork=True).result(0)
    handed = Aligner(left, right, left_units=lambda: units)
    assert handed.matches() == Aligner(left, right).matches()


def test_long_files_load_in_parallel_as_they_load_alone(tmp_path):
    prose = "The river rose past the old mill in March. Farmers moved their cattle uphill.\n" * 5000
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(prose, encoding="utf-8")
    second.write_text(prose.replace("March", "April"), encoding="utf-8")
    assert load_pair(str(first), str(second)) == (
        load_document(str(first)),
        load_document(str(second)),
    )


def test_a_bad_second_file_fails_as_it_does_alone_and_the_first_file_fails_first(tmp_path):
    good, binary, empty = tmp_path / "good.txt", tmp_path / "bin.dat", tmp_path / "empty.txt"
    good.write_text("A sentence about the harbour and its ships.\n" * 20000, encoding="utf-8")
    binary.write_bytes(bytes(range(256)) * 2000)
    empty.write_text("")
    with pytest.raises(InputError, match="binary"):
        load_pair(str(good), str(binary))
    with pytest.raises(InputError, match="empty"):
        load_pair(str(empty), str(binary))


def test_results_larger_than_a_pipe_buffer_arrive_whole():
    big = bytes(range(256)) * 40_000  # 10 MB, far more than a pipe holds
    work = Background([(bytes, (big,)), (len, (big,))], fork=True)
    assert work.result(1) == len(big)
    assert work.result(0) == big


class _Counter:
    """A handler with state kept in the child between requests."""

    def __init__(self) -> None:
        self.total = 0

    def __call__(self, request, progress):
        if request == "fail":
            raise ValueError("bad request")
        progress(0.5)
        self.total += request
        return self.total


def test_a_server_keeps_its_state_and_reports_errors_in_one_line():
    from tui.core.parallel import Server, ServerError

    server = Server(_Counter())
    seen: list[float] = []
    try:
        assert server.ask(2, seen.append, lambda: False) == 2
        assert server.ask(3, seen.append, lambda: False) == 5  # the child still holds 2
        assert seen == [0.5, 0.5]
        with pytest.raises(ServerError, match="ValueError: bad request"):
            server.ask("fail", seen.append, lambda: False)
        assert server.ask(1, seen.append, lambda: False) == 6
    finally:
        server.close()
