"""The entity registry remembers the entities of recent additions, not of the whole archive.

The horizon is made short here (FORGET_AFTER and FORGET_EVERY are module constants read at each
addition) so that a few hundred additions go through what millions of articles would.
"""

from __future__ import annotations

import json

from kabar.annotate.entities import registry as registry_module
from kabar.annotate.entities.canonical import Canonical
from kabar.annotate.entities.registry import EntityRegistry

LAVROV = Canonical("per:sergei-lavrov", "Sergei Lavrov", "PER")
BEI = Canonical("org:bursa-efek-indonesia", "Bursa Efek Indonesia", "ORG")


def passer_by(i: int) -> Canonical:
    name = f"Warga Nomor{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}"
    return Canonical("per:" + name.lower().replace(" ", "-"), name, "PER")


def short_horizon(monkeypatch, after: int = 100, every: int = 10) -> None:
    monkeypatch.setattr(registry_module, "FORGET_AFTER", after)
    monkeypatch.setattr(registry_module, "FORGET_EVERY", every)


def test_an_entity_not_named_for_the_horizon_is_forgotten_with_its_short_forms(monkeypatch):
    short_horizon(monkeypatch)
    registry = EntityRegistry()
    registry.add(Canonical("per:lavrov", "Lavrov", "PER"))
    registry.add_full_name(LAVROV)
    registry.add(BEI, ["BEI"])
    assert registry.resolve_short("Lavrov") == LAVROV and registry.resolve_id("per:lavrov") == LAVROV.id
    for i in range(400):
        registry.add(passer_by(i))
        if i % 50 == 0:
            registry.add(BEI, ["BEI"])  # named again and again: kept
    assert LAVROV.id not in registry.entities and "per:lavrov" not in registry.entities
    assert registry.resolve_short("Lavrov") is None
    assert registry.resolve_person("Sergei Lavrov") is None
    assert registry.resolve_id("per:lavrov") == "per:lavrov"
    assert registry.resolve_short("BEI") == BEI
    # What is kept is what the last horizon named, not the 400 passers-by.
    assert len(registry) <= 100 + 10
    assert len(registry.by_last_token) <= 100 + 10 and len(registry.last_seen) == len(registry)


def test_a_checkpoint_and_its_journal_forget_what_the_live_registry_forgot(monkeypatch):
    short_horizon(monkeypatch, after=60, every=7)
    live = EntityRegistry()
    live.start_journal()
    for i in range(50):
        live.add(passer_by(i), [f"Nomor{i}"])
    live.pop_journal()
    checkpoint = live.dumps()
    for i in range(50, 200):
        live.add(passer_by(i % 120), [f"Nomor{i % 120}"])
        if i % 9 == 0:
            live.add_full_name(LAVROV)
    journal = live.pop_journal()
    rebuilt = EntityRegistry.loads(checkpoint)
    rebuilt.apply_journal(journal)
    assert rebuilt.dumps() == live.dumps()
    assert len(live) < 120


def test_a_registry_saved_before_forgetting_existed_still_loads():
    old_blob = json.dumps({
        "entities": {LAVROV.id: [LAVROV.name, "PER"], "per:lavrov": ["Lavrov", "PER"]},
        "short_forms": {"lavrov": {LAVROV.id: 3}},
        "replaced_by": {"per:lavrov": LAVROV.id},
    }).encode("utf-8")
    registry = EntityRegistry.loads(old_blob)
    assert registry.resolve_short("Lavrov") == LAVROV
    assert registry.resolve_id("per:lavrov") == LAVROV.id
    assert registry.resolve_person("Sergey Lavrov") == LAVROV
    assert registry.additions == 0 and registry.last_seen == {LAVROV.id: 0, "per:lavrov": 0}
    assert EntityRegistry.loads(registry.dumps()).dumps() == registry.dumps()
