from kabar.clean import TemplateMemory, clean_document
from kabar.records import RawDocument


def _page(n: int, widget: str) -> str:
    return "\n".join([
        "Beranda", f"Judul Berita Nomor {n} Tentang Hal Lain",
        f"JAKARTA - Paragraf pertama berita nomor {n} menjelaskan kejadian yang cukup panjang untuk dianggap isi berita.",
        widget,
        f"Paragraf kedua berita nomor {n} menambahkan keterangan dari pejabat setempat kepada para wartawan.",
        f"Paragraf ketiga nomor {n} menutup berita dengan rencana pemerintah pekan depan.",
    ])


def test_memory_learns_an_outlets_recurring_widget():
    widget = "Tonton Video Pilihan Kami Hari Ini"
    memory = TemplateMemory()
    first = clean_document(RawDocument(id="0", source="s", text=_page(0, widget), outlet="Contoh"), memory)
    assert widget in first.body  # one page alone cannot tell this widget from a short body line
    for n in range(1, 6):
        later = clean_document(RawDocument(id=str(n), source="s", text=_page(n, widget), outlet="Contoh"), memory)
    assert widget not in later.body
    assert any(r.text == widget and r.kind == "template" for r in later.removed)
    assert len(later.body) == 3
    # another outlet has learned nothing
    other = clean_document(RawDocument(id="x", source="s", text=_page(9, widget), outlet="Lain"), memory)
    assert widget in other.body


def test_memory_never_takes_long_sentences_even_when_they_recur():
    sentence = "Habibie dirawat di RSPAD Gatot Soebroto sejak awal September karena kelelahan dan gangguan jantung."
    memory = TemplateMemory()
    for n in range(8):
        memory.observe("Contoh", [sentence, "Baca juga:"])
    assert not memory.is_template("Contoh", sentence)
    assert memory.is_template("Contoh", "Baca juga:")


def test_dumps_and_loads_round_trip():
    memory = TemplateMemory()
    for n in range(4):
        memory.observe("Contoh", ["Ikuti kami di media sosial", f"baris unik {n}"])
    restored = TemplateMemory.loads(memory.dumps())
    assert restored.is_template("Contoh", "Ikuti kami di media sosial")
    assert not restored.is_template("Contoh", "baris unik 1")
    assert restored.documents("Contoh") == 4
    assert isinstance(memory.dumps(), bytes)
