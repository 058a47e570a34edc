import pytest

from kabar.clean import detect_language
from kabar.clean.metadata import (
    cited_sources,
    find_dateline,
    normalise_published,
    outlet_from_url,
    parse_byline,
)


@pytest.mark.parametrize("given, expected", [
    ("2019-09-10T20:21:00:00", "2019-09-10"),
    ("2023-02-22", "2023-02-22"),
    ("2023-02", "2023-02"),
    ("2023", "2023"),
    ("2023-13-01", "2023"),
    ("kemarin", None),
    (None, None),
])
def test_normalise_published(given, expected):
    assert normalise_published(given) == expected


@pytest.mark.parametrize("paragraph, place, outlet", [
    ("JAKARTA - Presiden mengatakan", "JAKARTA", None),
    ("BEIIJING - Diplomat utama", "BEIJING", None),
    ("JAKARTA, KOMPAS.com - Pemerintah", "JAKARTA", "KOMPAS.com"),
    ("Jakarta, CNN Indonesia -- Pemerintah", "JAKARTA", "CNN Indonesia"),
    ("Antv – Presiden Rusia", None, "Antv"),
    ("WASHINGTON (Reuters) - The White House", "WASHINGTON", None),
])
def test_find_dateline(paragraph, place, outlet):
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)
    assert paragraph[len(found.prefix):][:1].isalpha()


def test_dateline_agency_and_no_dateline():
    assert find_dateline("WASHINGTON (Reuters) - The White House said").agencies == ("Reuters",)
    assert find_dateline("Presiden Rusia Vladimir Putin mengatakan bahwa hubungan - kedua negara") is None
    assert find_dateline("Perang Rusia - Ukraina telah mengorbankan hubungan") is None


@pytest.mark.parametrize("line, authors, agencies", [
    ("Redaktur : Lili Lestari", ["Lili Lestari"], []),
    ("Penulis : AFP", [], ["AFP"]),
    ("Editor: Rina Maharani", ["Rina Maharani"], []),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
    ("Reporter: yf/vlz", [], []),
])
def test_parse_byline(line, authors, agencies):
    assert parse_byline(line) == (authors, agencies)


@pytest.mark.parametrize("line", ["Oleh karena itu, warga diminta waspada.", "By the way",
                                  "Lavrov mengatakan hal itu kepada wartawan di Moskow pada Selasa malam ini."])
def test_not_a_byline(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("text, expected", [
    ("kata Presiden Putin, melansir CNA 22 Februari.", ["CNA"]),
    ("Seperti dilansir dari Aljazeera, Presiden Putin pun", ["Al Jazeera"]),
    ("kata Wang, menurut kantor berita RIA Novosti.", ["RIA Novosti"]),
    ("tambahnya, menurut surat kabar milik negara Russia, Izvestia.", ["Izvestia"]),
    ("Serangan itu menewaskan tiga orang (Reuters,AP)", ["Reuters", "AP"]),
    ("the ministry said, according to Xinhua.", ["Xinhua"]),
    ("Kepala desa (kiri) bersama warga (Foto: Istimewa)", []),
    ("kata Presiden Joko Widodo menurut keterangan tertulis.", []),
])
def test_cited_sources(text, expected):
    assert cited_sources([text]) == expected


def test_cited_sources_unknown_medium_after_media_only_cue():
    assert cited_sources(["Seperti dikutip dari Harian Sinar Pagi, jumlah korban bertambah."]) == ["Harian Sinar Pagi"]


@pytest.mark.parametrize("url, outlet", [
    ("https://nasional.kompas.com/read/2019/09/10/x", "Kompas"),
    ("https://www.tribunnews.com/nasional/2019/09/10/x", "Tribunnews"),
    ("https://ekonomi.contohberita.co.id/read/x", "contohberita.co.id"),
    ("https://www.newsnation.in/fact-check/x", "newsnation.in"),
    (None, None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("text, lang", [
    ("Presiden Rusia Vladimir Putin mengatakan bahwa hubungan kedua negara semakin erat.", "id"),
    ("The president said the relationship between the two countries was stronger than ever.", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_a_sentence_starting_with_a_byline_word_is_not_a_byline():
    assert parse_byline("Penulis buku itu, Budi Santoso") is None
    assert parse_byline("Editor senior Rina Maharani") is None
    assert parse_byline("Oleh Rina Maharani") == (["Rina Maharani"], [])
