"""Quote extraction on invented sentences: one test per form the extractor must handle."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.annotate.quotes import extract_quotes
from kabar.records import EntityMention


def only(quotes, direct=True):
    return [q for q in quotes if q.direct is direct]


def test_quote_first_with_kompas_marks_both_ways():
    quotes = extract_quotes(["”Kami siap membantu warga yang terdampak banjir,” kata Budi Santoso."], "id")
    assert [(q.text, q.speaker, q.cue, q.direct, q.paragraph) for q in quotes] == [
        ("Kami siap membantu warga yang terdampak banjir", "Budi Santoso", "kata", True, 0)
    ]


def test_curly_double_single_and_guillemet_marks():
    paragraphs = [
        "“Harga beras akan turun pekan depan,” ujar Rina Wulandari.",
        "''Stok gudang masih cukup untuk tiga bulan,'' tutur Rina.",
        "«Kami terus memantau pasar setiap hari,» ucap Rina.",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert [q.text for q in quotes] == [
        "Harga beras akan turun pekan depan",
        "Stok gudang masih cukup untuk tiga bulan",
        "Kami terus memantau pasar setiap hari",
    ]
    assert {q.speaker for q in quotes} == {"Rina Wulandari"}
    assert [q.cue for q in quotes] == ["ujar", "tutur", "ucap"]


def test_mismatched_pair_still_closes():
    quotes = extract_quotes(["“Jalan itu akan dibuka kembali besok pagi,\" kata Hendra Gunawan."], "id")
    assert [(q.text, q.speaker) for q in quotes] == [("Jalan itu akan dibuka kembali besok pagi", "Hendra Gunawan")]


def test_nya_cue_goes_to_the_nearest_person_before():
    paragraphs = [
        "Kepala Dinas Kesehatan Kota Serang Dewi Lestari mengatakan, jumlah pasien terus turun.",
        "”Tempat tidur isolasi masih tersedia untuk warga,” katanya.",
        "Sementara itu, Wali Kota Serang Agus Salim meminta warga tetap waspada.",
        "”Jangan lengah meski kasus menurun,” ujarnya.",
        "”Vaksinasi harus terus dikejar,” tambahnya.",
    ]
    quotes = only(extract_quotes(paragraphs, "id"))
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Dewi Lestari", "katanya"), ("Agus Salim", "ujarnya"), ("Agus Salim", "tambahnya"),
    ]


def test_reported_statement_is_not_direct():
    paragraphs = ["Kepala Dinas Kesehatan Kota Serang Dewi Lestari mengatakan bahwa jumlah pasien terus turun."]
    quotes = extract_quotes(paragraphs, "id")
    assert [(q.text, q.speaker, q.cue, q.direct) for q in quotes] == [
        ("jumlah pasien terus turun.", "Dewi Lestari", "mengatakan", False)
    ]


def test_split_quote_around_the_cue_has_one_speaker():
    paragraphs = ["Gubernur Jawa Tengah Ahmad Fauzi menegaskan, dana bantuan tidak akan dipotong.",
                  "”Kami sudah menyiapkan anggaran,” katanya menambahkan, ”dan kami akan segera mencairkannya.”"]
    quotes = only(extract_quotes(paragraphs, "id"))
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("Kami sudah menyiapkan anggaran dan kami akan segera mencairkannya.", "Ahmad Fauzi", "katanya")
    ]


def test_split_quote_with_named_speaker_in_the_middle():
    paragraphs = ["“Kami tidak menolak,” kata Lurah Maman Suherman, “tetapi warga perlu kepastian.”"]
    quotes = extract_quotes(paragraphs, "id")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("Kami tidak menolak tetapi warga perlu kepastian.", "Maman Suherman", "kata")
    ]


def test_quote_running_over_paragraphs():
    paragraphs = [
        "“Pembangunan jembatan ini sudah lama ditunggu warga.",
        "“Kami berharap selesai sebelum musim hujan tiba,” kata Yusuf Maulana.",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert len(quotes) == 1
    assert quotes[0].text == ("Pembangunan jembatan ini sudah lama ditunggu warga. "
                              "Kami berharap selesai sebelum musim hujan tiba")
    assert quotes[0].speaker == "Yusuf Maulana"
    assert quotes[0].paragraph == 0


def test_cue_first_forms():
    paragraphs = [
        "Rudi Hartono mengatakan, \"Kami tidak akan mundur dari rencana itu.\"",
        "Dia menambahkan, \"Semua warga akan mendapat ganti rugi yang layak.\"",
        "Menurut Siti Aminah, \"Proses ganti rugi harus diawasi bersama.\"",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Rudi Hartono", "mengatakan"), ("Rudi Hartono", "menambahkan"), ("Siti Aminah", "Menurut"),
    ]
    assert all(q.direct for q in quotes)


def test_short_form_is_expanded_and_titles_are_stripped():
    paragraphs = [
        "Menteri Luar Negeri Tiongkok Wang Yi tiba di Moskwa pada Selasa.",
        "”Kerja sama kedua negara akan terus diperkuat,” kata Wang.",
        "”Penyelidikan masih berlangsung,” kata Kepala Bidang Humas Polda Jawa Timur Komisaris Besar Gatot Santoso.",
        "”Pelaku sudah kami tahan,” ujar Brigjen (Pol) Whisnu Hermawan.",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert [q.speaker for q in quotes] == ["Wang Yi", "Gatot Santoso", "Whisnu Hermawan"]


def test_bare_role_goes_to_the_person_who_holds_it():
    paragraphs = [
        "Presiden Rusia Vladimir Putin menerima Menlu Tiongkok Wang Yi di Kremlin.",
        "”Hubungan kedua negara sangat penting bagi stabilitas dunia,” kata Presiden.",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert [(q.speaker, q.cue) for q in quotes] == [("Vladimir Putin", "kata")]


def test_anaphoric_role_phrase_is_the_current_speaker():
    paragraphs = [
        "”Kami siap memperkuat kemitraan strategis,” kata Wang Yi kepada Presiden Putin.",
        "Diplomat tertinggi China ini menegaskan, kemitraan itu ”tidak ditujukan kepada negara ketiga”.",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert [q.speaker for q in quotes] == ["Wang Yi", "Wang Yi"]


def test_scare_quotes_without_a_cue_are_not_statements():
    paragraphs = ["Kedua negara sepakat bekerja sama ”tanpa batas” dan mencari ”solusi politik” bersama."]
    assert extract_quotes(paragraphs, "id") == []


def test_english_attributions():
    paragraphs = [
        "Foreign Minister Sergei Lavrov met his Chinese counterpart on Monday.",
        "\"We will respond to any provocation,\" Lavrov said.",
        "\"Our partnership is not directed against anyone,\" he added.",
        "\"The talks were useful,\" said Wang Yi.",
    ]
    quotes = extract_quotes(paragraphs, "en")
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Sergei Lavrov", "said"), ("Sergei Lavrov", "added"), ("Wang Yi", "said"),
    ]


def test_linked_entity_gives_canonical_name_and_id():
    putin = EntityMention(id="per-putin", name="Vladimir Putin", type="PER",
                          mentions=("Valdimir Putin", "Putin"), role="Presiden")
    paragraphs = ["”Kerja sama ini penting bagi dunia,” kata Presiden Valdimir Putin."]
    quotes = extract_quotes(paragraphs, "id", entities=[putin])
    assert [(q.speaker, q.speaker_id) for q in quotes] == [("Vladimir Putin", "per-putin")]


def test_no_quotes_in_plain_text():
    assert extract_quotes(["Hujan deras mengguyur kota sejak pagi.", ""], "id") == []
    assert extract_quotes([], "id") == []


def test_english_reported_statements():
    paragraphs = [
        "Russian President Vladimir Putin said on Wednesday that ties with China were reaching new heights.",
        "According to Foreign Minister Sergei Lavrov, the two countries share a view of a multipolar world.",
    ]
    quotes = extract_quotes(paragraphs, "en")
    assert [(q.text, q.speaker, q.cue, q.direct) for q in quotes] == [
        ("ties with China were reaching new heights.", "Vladimir Putin", "said", False),
        ("the two countries share a view of a multipolar world.", "Sergei Lavrov", "According to", False),
    ]


def test_quote_whose_opening_mark_was_lost_ends_at_the_cue():
    paragraphs = ["Warga diminta tetap tinggal di rumah selama masa pembatasan berlangsung, ”ujar Windu Astuti."]
    quotes = extract_quotes(paragraphs, "id")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("Warga diminta tetap tinggal di rumah selama masa pembatasan berlangsung", "Windu Astuti", "ujar")
    ]


def test_short_quote_followed_by_its_cue_is_kept():
    quotes = extract_quotes(["”Sulit sekali,” kata Rina Wulandari."], "id")
    assert [(q.text, q.speaker) for q in quotes] == [("Sulit sekali", "Rina Wulandari")]


def test_unknown_language_uses_every_known_lexicon():
    quotes = extract_quotes(["\"We are ready,\" said Anna Schmidt.", "”Kami siap,” kata Budi Santoso."], "de")
    assert [q.speaker for q in quotes] == ["Anna Schmidt", "Budi Santoso"]


def test_subject_with_apposition_and_adverbials():
    paragraphs = [
        "Ketua Koperasi Tani Makmur, Joko Susilo, saat dihubungi, Senin (3/5), mengatakan, harga pupuk naik sejak Januari.",
        "”Petani kesulitan membeli pupuk sejak awal tahun,” katanya.",
    ]
    quotes = extract_quotes(paragraphs, "id")
    assert [(q.speaker, q.direct) for q in quotes] == [("Joko Susilo", False), ("Joko Susilo", True)]


def test_places_and_common_words_are_not_part_of_names():
    paragraphs = [
        "Vaksinasi warga di Banyuwangi dimulai pekan ini sesuai laporan dinas.",
        "Kepala Dinas Kesehatan Banyuwangi Widji Lestariono menjelaskan, vaksinasi berjalan lancar.",
        "Laporan Dinas menyebutkan, stok vaksin cukup sampai akhir bulan menurut laporan terakhir.",
        "”Kami tidak kekurangan vaksin untuk warga,” ujarnya.",
    ]
    quotes = only(extract_quotes(paragraphs, "id"))
    assert [(q.speaker, q.cue) for q in quotes] == [("Widji Lestariono", "ujarnya")]


def test_entities_name_the_speakers_of_pronoun_quotes():
    lavrov = EntityMention(id="per-lavrov", name="Sergei Lavrov", type="PER", mentions=("Sergey Lavrov", "Lavrov"))
    wang = EntityMention(id="per-wang-yi", name="Wang Yi", type="PER", mentions=("Wang Yi", "Wang"))
    paragraphs = [
        "Menlu Rusia Sergey Lavrov mengatakan, kedua negara sepakat memperluas kerja sama.",
        "Ia bertemu Wang Yi di Beijing.",
        "”Kami berterima kasih atas dukungan Tiongkok,” katanya.",
    ]
    quotes = only(extract_quotes(paragraphs, "id", entities=[lavrov, wang]))
    # "Wang Yi" is linked but never speaks: "katanya" stays with the last person who spoke.
    assert [(q.speaker, q.speaker_id) for q in quotes] == [("Sergei Lavrov", "per-lavrov")]


PIECES = ['"', "“", "”", "«", "»", "''", " kata ", "katanya", " Budi", " Presiden", " ia ", ",", ".",
          " mengatakan", " Menurut ", "(", ")", " dia", "Wang Yi", " di ", " said ", " he ", "x", " ", "—", ":"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), max_size=4),
       st.sampled_from(["id", "en", "xx"]))
def test_any_text_gives_well_formed_quotes(paragraphs, language):
    quotes = extract_quotes(paragraphs, language)
    words = set(" ".join(paragraphs).replace('"', " ").split())
    for quote in quotes:
        assert quote.text.strip()
        assert 0 <= quote.paragraph < len(paragraphs)
        # Every word of a quote comes from the text (marks and a trailing comma aside).
        for word in quote.text.replace("\"", " ").split():
            assert any(word.strip("“”«»'\",") in w for w in words)


def test_long_role_phrases_end_in_the_name():
    cases = {
        "ujar Direktur Eksekutif Centre for Strategic and International Studies (CSIS) Yose Rizal Damuri dalam diskusi.":
            "Yose Rizal Damuri",
        "kata ekonom dan pemerhati kebijakan Abdul Malik pada diskusi daring.": "Abdul Malik",
        "kata Wali Kota Surabaya Tri Rismaharini di Taman Surya.": "Tri Rismaharini",
        "kata Kepala Urusan Perencanaan di Desa Pandanlandung Doni Andriawan.": "Doni Andriawan",
        "kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD dalam konferensi pers.": "Mahfud MD",
        "kata Dedy, Kepala Peleton B dari Stasiun Pemadam Kebakaran Sektor II Kebayoran Baru.": "Dedy",
    }
    for attribution, speaker in cases.items():
        quotes = extract_quotes(["”Kami siap membantu warga di sana,” " + attribution], "id")
        assert [q.speaker for q in quotes] == [speaker], attribution
