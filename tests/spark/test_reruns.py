"""The driver's reruns give the local pipeline's article and state, however little they redo.

A worker speculates against a stale registry (or stale templates); the driver confirms against
the true state. No Spark needed: ``speculate`` and ``confirm`` are what workers and driver run.
"""

from __future__ import annotations

import pickle

import pytest

from kabar.annotate.article import annotate, date_article, find_mentions, link_and_quote
from kabar.annotate.entities import EntityRegistry
from kabar.clean import TemplateMemory, clean_document
from kabar.pipeline import prepare
from kabar.read import read_paths
from kabar.records import RawDocument
from kabar.spark.speculation import confirm, speculate

from ..conftest import EXAMPLES, SHARED


def corpus_documents(folder) -> list[RawDocument]:
    return [d for d in read_paths([str(folder)]) if isinstance(d, RawDocument)]


def one_outlet_documents() -> list[RawDocument]:
    """Short reports of one outlet that all carry its masthead line: template from the fourth on."""
    towns = ["Kupang", "Ende", "Maumere", "Larantuka", "Atambua", "Kalabahi", "Waingapu", "Bajawa"]
    return [RawDocument(id=f"banjir-{i}", source=f"banjir-{i}.txt", outlet="warta.example", text=(
        f"Banjir di {town}\nWarga {town} mengungsi setelah hujan deras mengguyur kota sejak Senin malam. "
        f"Petugas BPBD {town} membuka posko di balai desa.\nWarta Timur Edisi Pagi Terpercaya\n"
        "Kepala BPBD menyebut air mulai surut pada Selasa pagi dan warga diminta tetap waspada.\n"))
        for i, town in enumerate(towns)]


def states_before_each(docs: list[RawDocument]) -> list[tuple[bytes, bytes]]:
    """(templates, registry) as the local pipeline holds them before each document."""
    templates, registry = TemplateMemory(), EntityRegistry()
    states = []
    for doc in docs:
        states.append((templates.dumps(), registry.dumps()))
        try:
            prepare(doc, templates, registry)
        except Exception:  # noqa: BLE001 - a rejected document still taught the state
            pass
    return states


def local_result(doc, templates, registry):
    try:
        return prepare(doc, templates, registry), None
    except Exception as error:  # noqa: BLE001
        return None, error


@pytest.mark.parametrize("stale", ["registry", "templates"])
def test_a_stale_worker_is_corrected_to_the_local_article_and_state(stale: str):
    docs = corpus_documents(EXAMPLES) if stale == "registry" else one_outlet_documents()
    assert len(docs) >= 8
    states = states_before_each(docs)
    reruns: dict[str, int] = {}
    changed = 0
    for doc, (templates_blob, registry_blob) in zip(docs, states):
        # The worker knows the true state of one side and nothing of the other.
        worker_templates = TemplateMemory() if stale == "templates" else TemplateMemory.loads(templates_blob)
        worker_registry = EntityRegistry() if stale == "registry" else EntityRegistry.loads(registry_blob)
        speculation = pickle.loads(pickle.dumps(speculate(doc, worker_templates, worker_registry)))
        true_templates, true_registry = TemplateMemory.loads(templates_blob), EntityRegistry.loads(registry_blob)
        outcome = confirm(speculation, doc, true_templates, true_registry)
        local_templates, local_registry = TemplateMemory.loads(templates_blob), EntityRegistry.loads(registry_blob)
        expected, _ = local_result(doc, local_templates, local_registry)
        assert outcome.result.article == expected, doc.id
        assert true_registry.dumps() == local_registry.dumps(), doc.id
        assert true_templates.dumps() == local_templates.dumps(), doc.id
        if outcome.rerun is not None:
            reruns[outcome.rerun] = reruns.get(outcome.rerun, 0) + 1
            assert outcome.question.startswith(stale)
            changed += not outcome.same_article
            # A rerun that gave the worker's article hands back the worker's object (and features).
            assert (outcome.result.article is speculation.article) == outcome.same_article
    if stale == "registry":
        # Every registry disagreement here is redone by relinking alone, and some change the article.
        assert reruns.get("link", 0) >= 3 and "prepare" not in reruns and changed >= 1, reruns
    else:
        # Without the masthead's history the worker keeps it as body: all prepared again.
        assert reruns.get("prepare", 0) >= 3 and "link" not in reruns and changed >= 3, reruns


def test_annotate_in_two_steps_is_annotate():
    paths = [EXAMPLES] + ([SHARED / "seeds"] if (SHARED / "seeds").is_dir() else [])
    split_registry, whole_registry = EntityRegistry(), EntityRegistry()
    compared = 0
    for doc in (d for folder in paths for d in corpus_documents(folder)):
        try:
            cleaned = clean_document(doc)
        except Exception:  # noqa: BLE001 - nothing to annotate
            continue
        mentions = find_mentions(cleaned)
        in_steps = date_article(link_and_quote(cleaned, mentions, split_registry))
        assert in_steps == annotate(cleaned, whole_registry), doc.id
        # The mentions stay unlinked: linking them again gives the same article.
        assert all(m.canonical is None for m in mentions)
        assert date_article(link_and_quote(cleaned, mentions, EntityRegistry.loads(split_registry.dumps()))).entities
        compared += 1
    assert compared >= 20
    assert split_registry.dumps() == whole_registry.dumps()
