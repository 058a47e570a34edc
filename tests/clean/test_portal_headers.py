"""Invented portal pages (fictional outlets) whose header block used to fool the clean stage:
share bars, app prompts and bylines taken for the headline, the outlet left out though the page
names itself, a background date taken for the publication date, "Redaksi" taken for a person."""

import pytest

from kabar.clean import clean_document
from kabar.clean.metadata import find_dateline, parse_byline, parse_name_outlet
from kabar.clean.outlet import copyright_owner, display_name
from kabar.clean.published import date_from_url, date_in_line
from kabar.records import RawDocument

from .conftest import FIXTURES


def _clean(name: str, **given):
    path = FIXTURES / name
    kind = "html" if path.suffix == ".html" else "text"
    return clean_document(RawDocument(id=path.stem, source=name, **{kind: path.read_text(encoding="utf-8")}, **given))


def test_headline_sits_above_the_byline_block_not_in_the_share_bar():
    a = _clean("portal_logo_header.txt")
    assert a.title == "Nelayan Jimbaran Tak Melaut Tiga Hari, Gelombang Capai 4 Meter"
    assert a.outlet == "SuaraPantai"  # logo line, confirmed by the dateline and the byline
    assert a.published == "2025-06-13"  # "13/06/2025": day first; not 1985 from the body
    assert a.dateline == "DENPASAR"
    assert a.authors == ("Komang Arta",)
    assert a.body[0].startswith("Ratusan nelayan di Jimbaran")
    assert a.body[-1] == "Badan meteorologi memperkirakan cuaca buruk masih berlangsung hingga akhir pekan."
    assert len(a.body) == 5
    kinds = {r.text: r.kind for r in a.removed}
    assert kinds["Bagikan: Facebook Twitter WhatsApp Salin Link"] == "share"
    assert kinds["Baca di App"] == "promo"
    assert kinds["Beranda › Daerah › Bali"] == "navigation"
    assert kinds["(SUARAPANTAI.example/KOMANG ARTA)"] == "caption"
    assert kinds["Perahu nelayan ditambatkan di Pantai Kedonganan, Jumat (13/6/2025)."] == "caption"
    assert kinds["Komang Arta - suaraPantai"] == "byline"
    assert any(k == "promo" and t.startswith("Dapatkan update berita") for t, k in kinds.items())


def test_english_page_region_after_the_place_is_not_the_outlet():
    a = _clean("english_region_dateline.txt")
    assert a.outlet == "Harbour Times"
    assert a.dateline == "PADANGBAI"
    assert a.title == "Ferry services resume across Lombok Strait after three-day storm"
    assert a.published == "2025-03-04"
    assert a.authors == ("Grace Whitfield",)
    assert a.language == "en"
    assert len(a.body) == 3 and a.body[0].startswith("Ferry crossings")


def test_redaksi_is_not_a_person_and_bracketed_outlet_dateline():
    a = _clean("portal_redaksi.txt")
    assert a.authors == ("Siti Nurhaliza",)
    assert a.outlet == "Kabar Lembah"
    assert a.dateline == "GARUT"
    assert a.published is None  # no date line: later stages infer it, clean does not guess
    assert a.title.startswith("Jembatan Gantung Putus")


def test_html_site_name_wins_and_outlet_first_dateline_is_not_swapped():
    a = _clean("halaman_sitename.html")
    assert a.outlet == "Harian Priangan Raya"
    assert a.dateline == "GARUT"
    assert a.published == "2025-03-07"
    assert a.authors == ("Wulan Sari",)
    assert a.body[0].startswith("Harga cabai rawit")


def test_given_url_date_is_used_when_the_page_shows_none():
    text = (FIXTURES / "portal_redaksi.txt").read_text(encoding="utf-8")
    a = clean_document(RawDocument(id="r", source="r", text=text, url="https://kabarlembah.example/2025/03/10/jembatan"))
    assert a.published == "2025-03-10"


@pytest.mark.parametrize("line, expected", [
    ("Kamis, 12 Jun 2025 19:40 WIB", "2025-06-12"),
    ("13/06/2025, 07:30 WIB", "2025-06-13"),
    ("Senin, 10 Februari 2025 | 21:40 WIB", "2025-02-10"),
    ("Published May 26, 2025 at 4:20 PM (GMT+7)", "2025-05-26"),
    ("2025-06-13T10:10:00+07:00", "2025-06-13"),
    ("Menu Berita Terkini", None),
])
def test_date_in_line(line, expected):
    assert date_in_line(line) == expected


def test_date_from_url():
    assert date_from_url("https://x.example/2025/02/10/slug") == "2025-02-10"
    assert date_from_url("https://x.example/read/slug") is None


@pytest.mark.parametrize("paragraph, place, outlet, agencies", [
    ("PELITATIMUR.EXAMPLE, KOTAMOBAGU — Gempa bumi", "KOTAMOBAGU", "PELITATIMUR.EXAMPLE", ()),
    ("Merdekaraya.example, Sukabumi – Sebagian warga", "SUKABUMI", "Merdekaraya.example", ()),
    ("Semarang (Suara Khatulistiwa) - Sekitar 650 warga", "SEMARANG", "Suara Khatulistiwa", ()),
    ("TERNATE, Indonesia — Mount Ibu", "TERNATE", None, ()),
    ("Ternate (ANTARA) — Gunung Ibu", "TERNATE", None, ("ANTARA",)),
])
def test_datelines_with_outlets_and_regions(paragraph, place, outlet, agencies):
    found = find_dateline(paragraph)
    assert (found.place, found.outlet, found.agencies) == (place, outlet, agencies)


@pytest.mark.parametrize("line, authors", [
    ("Penulis Kontributor Semarang, Slamet Widodo | Editor Rini Hapsari", ["Slamet Widodo", "Rini Hapsari"]),
    ("Penulis Tim Lensapos.example | Editor Rini Hapsari", ["Rini Hapsari"]),
    ("Oleh Redaksi", []),
])
def test_bylines_without_persons_or_colons(line, authors):
    assert parse_byline(line)[0] == authors


def test_name_dash_outlet_byline():
    assert parse_name_outlet("Dadan Hermawan - kabarKini", lambda o: o.lower() == "kabarkini") == ("Dadan Hermawan", "kabarKini")
    assert parse_name_outlet("Persebaya - PSIS", lambda o: False) is None


def test_outlet_names():
    assert display_name(["LENSAPOS.example", "Lensapos.example"]) == "Lensapos"
    assert display_name(["PELITA TIMUR", "PELITATIMUR.EXAMPLE"]) == "Pelita Timur"
    assert display_name(["KabarKini", "kabarKini", "KabarKini.example"]) == "KabarKini"
    assert copyright_owner("© 2025 Warta Nusantara. Seluruh hak cipta dilindungi.") == "Warta Nusantara"
    assert copyright_owner("Copyright 2008 - 2025 PT. Lensa Media Nusantara. All Rights Reserved.") is None
