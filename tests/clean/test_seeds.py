"""The three real seed pages: every body line kept, every boilerplate line cut, metadata right."""

import pytest

from kabar.clean import clean_document
from kabar.records import RawDocument

from .conftest import shared_path


def _clean(name: str):
    path = shared_path("seeds", name)
    return clean_document(RawDocument(id=path.stem, source=str(path), text=path.read_text(encoding="utf-8")))


def _source_lines(name: str) -> list[str]:
    return [l.strip() for l in shared_path("seeds", name).read_text(encoding="utf-8").splitlines() if l.strip()]


def test_seed_000_title_dateline_related_list():
    a = _clean("000_11267f4ae99b6947.txt")
    lines = _source_lines("000_11267f4ae99b6947.txt")
    assert a.title == lines[0]
    assert a.dateline == "JAKARTA"
    assert a.cited_sources == ("CNA",)
    assert a.language == "id"
    assert not any(b.startswith("- ") or b.startswith("Baca juga") for b in a.body)
    assert lines[0] not in a.body
    # every other line except the "Baca juga" list is body, in order
    expected = [l for l in lines[1:] if not (l.startswith("- ") or l.startswith("Baca juga"))]
    expected[0] = expected[0].removeprefix("JAKARTA - ")
    assert list(a.body) == expected
    assert {r.kind for r in a.removed if r.text.startswith("- ")} == {"related-links"}


def test_seed_001_lede_first_line_outlet_prefix():
    a = _clean("001_dd73713e4edf879a.txt")
    lines = _source_lines("001_dd73713e4edf879a.txt")
    assert a.title is None or a.title not in lines[1:]
    assert a.outlet == "Antv"
    assert a.dateline is None
    assert a.cited_sources == ("Al Jazeera",)
    assert len(a.body) == len(lines)  # the lede (first line) is body, nothing is lost
    assert a.body[0].startswith("Presiden Rusia Vladimir Putin")
    assert a.body[-1] == lines[-1]


def test_seed_002_portal_page():
    a = _clean("002_5d60f3c99e38e04b.txt")
    lines = _source_lines("002_5d60f3c99e38e04b.txt")
    assert a.title == "Beijing akan Perkuat Kerja Sama Strategis dengan Moskow"
    assert a.dateline == "BEIJING"  # "BEIIJING" on the page
    assert a.authors == ("Lili Lestari",)
    assert set(a.cited_sources) == {"RIA Novosti", "Izvestia", "AFP"}
    body_start = next(i for i, l in enumerate(lines) if l.startswith("BEIIJING"))
    body_end = next(i for i, l in enumerate(lines) if l.startswith("Redaktur"))
    expected = lines[body_start:body_end]
    expected[0] = expected[0].removeprefix("BEIIJING - ")
    assert list(a.body) == expected
    kinds = {r.text: r.kind for r in a.removed}
    assert kinds["Foto : SCMP/AFP"] == "caption"
    assert kinds["Menlu Tiongkok Wang Yi (kiri) menjabat tangan Menlu Russia Sergey Lavrov."] == "caption"
    assert kinds["A A A Pengaturan Font"] == "font-controls"
    assert kinds["Redaktur : Lili Lestari"] == "byline"
    assert kinds["Komentar"] == "comments"


@pytest.mark.parametrize("name", ["000_11267f4ae99b6947.txt", "001_dd73713e4edf879a.txt", "002_5d60f3c99e38e04b.txt"])
def test_nothing_is_both_kept_and_removed(name):
    a = _clean(name)
    assert not set(a.body) & {r.text for r in a.removed}
