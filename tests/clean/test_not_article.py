"""Pages that are not articles (an error page, a tag index, nothing left) are refused with a
reason, so the pipeline reports them instead of storing them as stories; short real articles
and articles about errors still pass."""

import pytest

from kabar.clean import CleanError, clean_document
from kabar.records import RawDocument

from .conftest import FIXTURES


def _clean(name: str, **extra):
    path = FIXTURES / name
    kind = "html" if path.suffix == ".html" else "text"
    return clean_document(RawDocument(id=path.stem, source=name, **{kind: path.read_text(encoding="utf-8")}, **extra))


@pytest.mark.parametrize("name, reason", [
    ("halaman_404.html", "error page"),
    ("error_page_en.txt", "error page"),
    ("indeks_tag.txt", "no running text"),
])
def test_non_article_pages_are_refused_with_the_reason(name, reason):
    with pytest.raises(CleanError, match=f"not an article: .*{reason}"):
        _clean(name)


def test_a_page_of_menus_only_is_refused():
    text = "Beranda\nNasional\nDaerah\nOlahraga\nTekno\nKontak\nTentang Kami\n© 2024 Kabar Harian"
    with pytest.raises(CleanError):
        clean_document(RawDocument(id="menu", source="menu", text=text))


def test_a_short_real_article_is_kept():
    article = _clean("portal_pendek.txt")
    assert any("anjlok" in line for line in article.body)


def test_an_article_about_an_outage_is_not_an_error_page():
    body = ("Layanan perbankan daring sejumlah bank sempat terganggu pada Senin pagi. Nasabah melaporkan "
            "pesan 'halaman tidak ditemukan' saat membuka aplikasi, dan beberapa mendapat pesan akses ditolak. "
            "Juru bicara bank mengatakan gangguan terjadi karena pemeliharaan server yang molor dari jadwal.\n"
            "Menurut dia, seluruh layanan kembali normal pada pukul 10.00 WIB dan dana nasabah aman. "
            "Otoritas Jasa Keuangan meminta bank memberi kompensasi kepada nasabah yang dirugikan oleh gangguan itu, "
            "termasuk biaya transfer yang gagal selama layanan tidak dapat diakses.")
    article = clean_document(RawDocument(id="gangguan", source="gangguan", text=body))
    assert len(article.body) == 2
