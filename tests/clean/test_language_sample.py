"""detect_language reads the two ends of its sample first and the whole sample only when they
disagree or are unsure: the answers must be the whole sample's."""

from __future__ import annotations

import json
from itertools import islice

import py3langid

from kabar.clean.language import END_CHARS, MERGE, SAMPLE_CHARS, detect_language
from tests.clean.conftest import shared_path


def _whole_sample_answer(text: str) -> str:
    sample = text.strip()[:SAMPLE_CHARS]
    if not sample:
        return "und"
    lang, _ = py3langid.classify(sample)
    return MERGE.get(lang, lang)


def test_the_ends_answer_as_the_whole_sample_on_shared_texts():
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("extraction-dev/text", "seeds") for p in sorted(shared_path(folder).glob("*.txt"))]
    with shared_path("clickid-2019", "articles.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] or "" for line in islice(fh, 1500)]
    with shared_path("ecbplus-dev", "articles.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line).get("text") or "" for line in islice(fh, 300)]
    differ = [t[:60] for t in texts if detect_language(t) != _whole_sample_answer(t)]
    assert not differ, differ


def test_a_text_whose_ends_disagree_is_read_whole():
    english = ("The government said on Monday that the new rules would take effect next year, "
               "after months of talks with industry groups and unions across the country. ")
    indonesian = ("Pemerintah mengatakan pada hari Senin bahwa aturan baru itu akan mulai berlaku tahun "
                  "depan, setelah berbulan-bulan pembicaraan dengan kelompok industri dan serikat pekerja. ")
    mixed = english * 2 + indonesian * 6
    assert len(mixed) > 2 * END_CHARS
    assert detect_language(english * 8) == "en"
    assert detect_language(indonesian * 8) == "id"
    assert detect_language(mixed) == _whole_sample_answer(mixed)


def test_short_and_empty_texts():
    assert detect_language("") == "und"
    assert detect_language("   ") == "und"
    assert detect_language("Banjir merendam ratusan rumah warga di Jakarta.") == "id"
