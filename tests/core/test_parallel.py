"""Entities linked in a forked child give exactly what linking inline gives."""


import pytest

from tui.cli import seed_paths
from tui.core.comparison import compare
from tui.core.document import load_document
from tui.core.entities import link_entities
from tui.core.parallel import Deferred


@pytest.fixture(scope="module")
def seed_pair():
    return tuple(load_document(p) for p in seed_paths())


def test_forked_result_equals_inline(seed_pair):
    left, right = seed_pair
    assert Deferred(link_entities, left, right, fork=True).result() == link_entities(left, right)


def test_a_failing_child_reraises_in_the_caller():
    def boom():
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        Deferred(boom, fork=True).result()


def test_long_texts_compare_the_same_with_and_without_fork(seed_pair, monkeypatch):
    left, right = seed_pair
    inline = compare(left, right)
    monkeypatch.setattr("tui.core.comparison.FORK_THRESHOLD", 0)
    forked = compare(left, right)
    assert forked.entities == inline.entities and forked.matches == inline.matches
