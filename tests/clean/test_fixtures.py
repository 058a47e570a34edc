"""Hand-written (invented) Indonesian pages: a portal's scraped text, a saved HTML page and a
CLICK-ID-style JSONL article whose paragraphs were joined with commas."""

import json

import pytest

from kabar.clean import CleanError, clean_document
from kabar.records import RawDocument

from .conftest import FIXTURES

BANJIR_BODY = [
    "Banjir rob kembali merendam ratusan rumah warga di pesisir utara Kota Semarang sejak Selasa (13/2/2024) sore.",
    "Ketinggian air di sejumlah titik mencapai 60 sentimeter sehingga warga terpaksa mengungsikan barang-barang "
    "berharga ke tempat yang lebih tinggi.",
    "Kepala Pelaksana BPBD Kota Semarang mengatakan air pasang laut diperparah oleh hujan deras yang turun sejak siang.",
    "\"Kami sudah menyiagakan pompa dan perahu karet di tiga kelurahan,\" ujarnya kepada wartawan.",
    "Penanganan Darurat",
    "Pemerintah kota membuka dapur umum di balai kelurahan.",
    "Menurut laporan kantor berita ANTARA, pasang tertinggi diperkirakan terjadi pada Kamis malam.",
    "Warga diminta tetap waspada dan mengikuti arahan petugas di lapangan.",
]


def test_portal_text_keeps_exactly_the_article():
    text = (FIXTURES / "portal_banjir.txt").read_text(encoding="utf-8")
    a = clean_document(RawDocument(id="banjir", source="portal_banjir.txt", text=text))
    assert list(a.body) == BANJIR_BODY
    assert a.title == "Banjir Rob Rendam Ratusan Rumah di Pesisir Semarang"
    assert a.dateline == "SEMARANG"
    assert a.authors == ("Dimas Prasetyo", "Rina Maharani")
    assert a.cited_sources == ("ANTARA",)
    assert a.published == "2024-02-14"
    assert a.language == "id"
    kinds = {r.text: r.kind for r in a.removed}
    assert kinds["SCROLL TO CONTINUE WITH CONTENT"] == "ad"
    assert kinds["Nelayan Tambak Lorok Tak Melaut Sepekan"] == "related-links"
    assert kinds["Foto : Dok. BPBD Jateng"] == "caption"
    assert kinds["(dpr/rin)"] == "credit"
    assert kinds["Copyright © 2024 Nusa Pos. All rights reserved."] == "footer"
    assert kinds["SEMARANG, NUSAPOS.com -"] == "dateline"


def test_given_fields_win_over_inferred_ones():
    text = (FIXTURES / "portal_banjir.txt").read_text(encoding="utf-8")
    doc = RawDocument(id="b", source="s", text=text, title="Judul Sendiri", outlet="Nusa Pos",
                      published="2024-02-13T23:00:00+07:00", language="jv", url="https://www.nusapos.co.id/a")
    a = clean_document(doc)
    assert (a.title, a.outlet, a.published, a.language, a.url) == (
        "Judul Sendiri", "Nusa Pos", "2024-02-13", "jv", "https://www.nusapos.co.id/a")


def test_html_page():
    html = (FIXTURES / "halaman.html").read_text(encoding="utf-8")
    a = clean_document(RawDocument(id="gempa", source="halaman.html", html=html))
    assert a.title == "Gempa Magnitudo 5,2 Guncang Lombok Utara"
    assert a.outlet == "Warta Nusantara"
    assert a.published == "2024-05-02"
    assert a.dateline == "MATARAM"
    assert a.authors == ("Ayu Lestari",)
    assert len(a.body) == 5
    assert a.body[0].startswith("Gempa bermagnitudo 5,2")
    assert a.body[-1].startswith("Pemerintah daerah menyiapkan tenda darurat")
    joined = a.text
    for junk in ("Baca juga", "Berita Terkait", "Bagikan", "Copyright", "Beranda", "Foto: Istimewa"):
        assert junk not in joined


def test_comma_joined_paragraphs_are_split_and_nothing_is_lost():
    record = json.loads((FIXTURES / "berita_joined.jsonl").read_text(encoding="utf-8").splitlines()[0])
    a = clean_document(RawDocument(source="berita_joined.jsonl:1", **record))
    assert len(a.body) == 5
    assert a.body[0].startswith("Menteri Perdagangan meninjau")  # the lost dateline's dash is cut
    assert a.body[2] == "\"Harga cabai memang naik, tetapi pasokan cukup,\" kata menteri kepada ,, Senin pagi."
    assert a.published == "2024-03-04"
    words_in = len(record["text"].split())
    assert sum(len(p.split()) for p in a.body) >= words_in - 1


@pytest.mark.parametrize("doc", [
    RawDocument(id="e", source="empty.txt", text="   \n\n"),
    RawDocument(id="n", source="none.txt"),
    RawDocument(id="b", source="junk.txt", text="\x00\x01\x02\x03\ufffd\ufffd" * 200),
    RawDocument(id="m", source="menu.txt", text="Beranda\nKomentar\nBagikan\nCopyright © 2024"),
])
def test_unusable_documents_raise_a_one_line_reason(doc):
    with pytest.raises(CleanError) as err:
        clean_document(doc)
    assert "\n" not in str(err.value) and str(err.value)


def test_short_paragraph_portal_keeps_its_article():
    """Indonesian portals write one-sentence paragraphs: no line is long, the article is still there."""
    text = (FIXTURES / "portal_pendek.txt").read_text(encoding="utf-8")
    a = clean_document(RawDocument(id="pendek", source="portal_pendek.txt", text=text))
    assert list(a.body) == [
        "Satu rangkaian kereta barang anjlok di emplasemen Stasiun Madiun, Senin siang.",
        "Akibatnya, sejumlah perjalanan kereta penumpang ke arah Surabaya tertahan.",
        "Petugas masih mengevakuasi gerbong yang keluar rel.",
        "\"Kami mohon maaf atas keterlambatan ini,\" kata juru bicara operator kereta.",
        "Penumpang diberi kompensasi makanan ringan.",
    ]
    assert a.title == "Kereta Anjlok di Madiun, Perjalanan ke Surabaya Terganggu"
    assert a.dateline == "MADIUN"
    assert a.published == "2024-07-08"
    kinds = {r.text: r.kind for r in a.removed}
    assert kinds["SCROLL TO RESUME CONTENT"] == "ad"
    assert kinds["Kereta anjlok di emplasemen Stasiun Madiun. Foto: Dok. Istimewa"] == "caption"
