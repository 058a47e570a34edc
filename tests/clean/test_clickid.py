"""Real CLICK-ID scrapes (paragraphs joined with commas, hyperlinked words missing): the clean
stage must never lose body there."""

import json
import re

from kabar.clean import CleanError, TemplateMemory, clean_document
from kabar.records import RawDocument

from .conftest import shared_path

WORD = re.compile(r"\w+")


def _documents(path):
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            record = json.loads(line)
            fields = {k: record.get(k) for k in ("id", "text", "url", "outlet", "published", "title", "language")}
            yield RawDocument(source=f"{path}:{n}", **fields)


def test_events_id_dev_articles_keep_their_whole_text():
    path = shared_path("events-id-dev", "articles.jsonl")
    memory = TemplateMemory()
    cleaned = 0
    for doc in _documents(path):
        article = clean_document(doc, memory)
        words_in = len(WORD.findall(doc.text))
        words_out = len(WORD.findall(article.text))
        assert words_out >= 0.97 * words_in, f"{doc.id}: kept {words_out} of {words_in} words"
        assert article.published == doc.published[:10]
        assert article.title == doc.title
        assert article.language == "id"
        cleaned += 1
    assert cleaned == 90


def test_comma_joined_paragraphs_become_paragraphs():
    path = shared_path("events-id-dev", "articles.jsonl")
    multi = [len(clean_document(doc).body) > 3 for doc in _documents(path)]
    assert sum(multi) >= 0.9 * len(multi)


def test_clickid_sample_never_loses_body_and_rejects_only_empty_items():
    path = shared_path("clickid-2019", "articles.jsonl")
    memory = TemplateMemory()
    docs = [d for _, d in zip(range(1500), _documents(path))]
    for doc in docs:
        try:
            article = clean_document(doc, memory)
        except CleanError:
            assert len(WORD.findall(doc.text or "")) < 10, f"{doc.id} rejected with text"
            continue
        words_in = len(WORD.findall(doc.text))
        assert len(WORD.findall(article.text)) >= 0.85 * words_in, doc.id
