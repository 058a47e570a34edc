"""How the Spark job cuts its input: enough slices for every core, about SLICE_ITEMS each."""

from __future__ import annotations

from kabar.spark.slices import SLICE_ITEMS, slice_count


def test_a_requested_count_is_kept():
    assert slice_count(10_000, 2, requested=3) == 3


def test_small_inputs_still_feed_every_core_twice():
    assert slice_count(10, 4) == 8


def test_large_inputs_get_slices_of_about_slice_items():
    count = slice_count(100_000, 2)
    assert count == -(-100_000 // SLICE_ITEMS)
    assert 100_000 / count <= SLICE_ITEMS
