"""The headline chooser: it must not lean on how the line judge labelled the lines around it."""

from kabar.clean.title import choose_title, is_title_shaped

MENU = "Nasional Mondial Ekonomi Megapolitan Olahraga Rona The Alun-Alun Kupas Splash Wisata Perspektif Wawancara Edisi Weekend"
HEADLINE = "Menteri Keuangan Umumkan Anggaran Baru untuk Sekolah Desa"
CREDIT = "Foto : ANTARA/Budi"
CAPTION = "Menteri Keuangan berbicara di depan wartawan di Jakarta."
LEDE = "JAKARTA - Menteri Keuangan mengumumkan anggaran baru pada Senin (8/4) untuk sekolah di desa."


def test_a_section_menu_with_hyphenated_names_is_not_a_headline():
    assert not is_title_shaped(MENU)
    assert is_title_shaped("Polisi Tangkap Dua Pelaku Pencurian di Pasar Minggu")
    assert is_title_shaped("Banjir Rendam Jakarta - Ribuan Warga Mengungsi ke Masjid Terdekat")


def test_headline_labelled_as_caption_next_to_a_photo_credit_is_still_the_headline():
    texts = [MENU, HEADLINE, CREDIT, CAPTION, LEDE, "Kalimat kedua berita ini juga panjang sekali."]
    kinds = ["navigation", "caption", "caption", "caption", None, None]
    assert choose_title(None, None, texts, kinds) == HEADLINE


def test_headline_of_a_first_choice_kind_wins_over_a_caption_shaped_line():
    caption_no_period = "Menteri Keuangan di depan wartawan di Jakarta Senin pagi"
    texts = [HEADLINE, CREDIT, caption_no_period, LEDE]
    kinds = ["navigation", "caption", "caption", None]
    assert choose_title(None, None, texts, kinds) == HEADLINE


def test_a_photo_credit_or_marked_caption_is_never_the_headline():
    texts = ["Foto : ANTARA/Budi Santoso Wibowo", "Menteri Keuangan (kiri) bersama Gubernur Bank Indonesia", LEDE]
    kinds = ["caption", "caption", None]
    assert choose_title(None, None, texts, kinds) is None


def test_a_sentence_ending_inside_quotes_is_not_a_headline():
    assert not is_title_shaped('Gary Ross has not departed "The Hunger Games."')
    assert not is_title_shaped("Menteri itu berkata: 'Kami siap.'")
    assert is_title_shaped("Gary Ross 'Catching Fire' Negotiations Reportedly Continue")
