"""Workers rebuild the driver's confirmed state from one checkpoint and the changes since
(``kabar.spark.feed``): it must be the driver's state, whenever a slice goes out and however
often a new checkpoint is sent. No Spark needed: ``speculate`` and ``confirm`` are what workers
and driver run, and without a SparkContext the checkpoint travels as plain blobs."""

from __future__ import annotations

import pickle

import pytest

from kabar.annotate.entities import EntityRegistry
from kabar.clean import TemplateMemory
from kabar.spark.feed import StateFeed
from kabar.spark.speculation import confirm, speculate

from ..conftest import EXAMPLES
from .test_reruns import corpus_documents, one_outlet_documents


@pytest.mark.parametrize("rebase_events", [10**9, 7])
def test_a_slice_state_rebuilds_the_drivers_confirmed_state(rebase_events: int):
    docs = one_outlet_documents() + corpus_documents(EXAMPLES)[:25]
    templates, registry = TemplateMemory(), EntityRegistry()
    feed = StateFeed(None, templates, registry, rebase_events=rebase_events)
    slice_states = []
    for start in range(0, len(docs), 5):  # slices of 5, each speculated against the feed's state
        sent = pickle.loads(pickle.dumps(feed.snapshot()))  # as a closure reaches a worker
        worker_templates, worker_registry = sent.rebuild()
        assert (worker_templates.dumps(), worker_registry.dumps()) == (templates.dumps(), registry.dumps())
        slice_states.append(sent)
        for doc in docs[start:start + 5]:
            speculation = speculate(doc, worker_templates, worker_registry)
            feed.record(confirm(speculation, doc, templates, registry).result.log)
    last = feed.snapshot()
    final = last.rebuild()
    assert (final[0].dumps(), final[1].dumps()) == (templates.dumps(), registry.dumps())
    assert len(registry.entities) > 10 and templates.dumps() != TemplateMemory().dumps()  # the state did grow
    if rebase_events < 100:
        assert feed.checkpoints > 2  # new checkpoints were sent, and the changes each slice carries stay few
        assert max(sum(1 for _ in s.events()) for s in slice_states) <= rebase_events
    else:
        # One checkpoint: the last slice carries every change, counted once.
        assert feed.checkpoints == 1 and feed.changes == sum(1 for _ in last.events()) > 0
