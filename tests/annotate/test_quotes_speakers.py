"""Speaker attribution on invented sentences: the hard cases of Indonesian reporting grammar
(pronoun and "-nya" carry-over, role phrases, subjects named before the quotation)."""

from kabar.annotate.quotes import extract_quotes
from kabar.records import EntityMention


def speakers(paragraphs, language="id", entities=()):
    return [(q.text.split()[0], q.speaker) for q in extract_quotes(paragraphs, language, entities) if q.direct]


def test_nya_cue_goes_to_the_titled_subject_that_opens_the_sentence():
    # The subject's verb is not a reporting verb ("menyambut baik"), yet the next "tuturnya"
    # continues that subject, not the speaker quoted before it.
    paragraphs = [
        "”Kami masih menunggu keputusan pemerintah pusat soal jadwal itu,” kata Budi Santoso.",
        "Secara terpisah, Wakil Ketua Komisi IV DPRD Rina Kartikasari menyambut baik penundaan lomba.",
        "Usulan serupa pernah dibahas dalam rapat kerja bulan lalu.",
        "”Penundaan ini memberi waktu bagi panitia untuk bersiap,” tuturnya.",
    ]
    assert speakers(paragraphs) == [("Kami", "Budi Santoso"), ("Penundaan", "Rina Kartikasari")]


def test_a_role_phrase_with_a_demonstrative_is_not_a_new_subject():
    # "Ketua Fraksi ... itu" points back to the person already named: "katanya" stays with him.
    paragraphs = [
        "”Sekolah harus dibuka dengan hati-hati dan bertahap,” kata Anwar Sitompul.",
        "Ketua Fraksi Partai Damai Sejahtera itu memahami keinginan para orangtua murid.",
        "”Kita semua ingin anak-anak kembali belajar di kelas,” katanya.",
    ]
    assert speakers(paragraphs) == [("Sekolah", "Anwar Sitompul"), ("Kita", "Anwar Sitompul")]


def test_an_apposition_after_a_name_is_not_the_subject():
    # "Hasan Basri, Ketua Umum Partai Maju, ..." names Hasan's office; "Maju" is no person.
    paragraphs = [
        "Sementara itu, Wakil Ketua Umum Partai Maju Irfan Yusuf mengatakan, partai belum menentukan calon.",
        "Begitu juga Hasan Basri, Ketua Umum Partai Maju, yang masih fokus pada tugasnya di kabinet.",
        "”Calon presiden akan kami umumkan tahun ini bersama seluruh pengurus,” katanya.",
    ]
    assert speakers(paragraphs)[-1] == ("Calon", "Irfan Yusuf")


def test_passive_cue_dikemukakan_names_the_speaker():
    paragraphs = [
        "”Anggaran desa harus diawasi bersama oleh warga,” kata Sutrisno Adi.",
        "Hal senada dikemukakan Koordinator Jaringan Pemantau Anggaran Lestari Mahardika.",
        "”Warga berhak tahu ke mana dana itu dipakai,” katanya.",
    ]
    word, speaker = speakers(paragraphs)[-1]
    assert speaker.endswith("Lestari Mahardika")  # the body's name may stay glued before it


JOKOWI = EntityMention(id="per:joko-widodo", name="Joko Widodo", type="PER",
                       mentions=("Joko Widodo", "Jokowi"), role="Presiden")


def test_a_named_speaker_keeps_the_name_the_article_gives_with_the_entity_id():
    # "kata Jokowi": the entity says who; the speaker string stays the article's own word.
    paragraphs = ["”Bantuan sosial harus sampai tepat waktu ke warga,” kata Jokowi di Istana."]
    quotes = extract_quotes(paragraphs, "id", [JOKOWI])
    assert [(q.speaker, q.speaker_id) for q in quotes] == [("Jokowi", "per:joko-widodo")]


def test_a_role_speaker_goes_by_the_full_name_the_article_writes():
    paragraphs = [
        "Presiden Joko Widodo meninjau penyaluran bantuan di Jakarta Pusat, Senin.",
        "Dalam kunjungan itu, Presiden Jokowi didampingi Menteri Sosial.",
        "”Bantuan tahap ketiga sudah diterima warga hari ini,” ujar Presiden.",
    ]
    quotes = extract_quotes(paragraphs, "id", [JOKOWI])
    assert [(q.speaker, q.speaker_id) for q in quotes] == [("Joko Widodo", "per:joko-widodo")]


def test_a_place_named_as_a_subject_is_not_a_short_form_of_the_person_after_it():
    # "Dinas Kesehatan Sulbar menyebut ..." names a body; "Sulbar" must not become a short form
    # of "... Sulbar Andi Rahman", or "di Sulbar" would later count as a mention of him.
    paragraphs = [
        "Kepala Dinas Kesehatan Sulbar menyebut stok vaksin cukup untuk dua pekan.",
        "”Kami sudah mengirim vaksin ke semua puskesmas,” kata Kepala Bidang Pelayanan Dinas Kesehatan Sulbar Andi Rahman.",
        "Ketua Ikatan Perawat Daerah Budi Hartono mengatakan, tenaga kesehatan perlu ditambah.",
        "Kebutuhan perawat di Sulbar terus naik sejak awal tahun.",
        "”Kami kekurangan perawat di banyak desa,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Kami", "Budi Hartono")


def test_the_name_before_selaku_is_the_subject_not_the_office_after_it():
    paragraphs = [
        "Dihubungi terpisah, Rahmat Hidayat selaku Kepala Bagian Distribusi PD Sumber Pangan menjelaskan, beras dikirim pekan ini.",
        "Pengiriman dibagi menurut kecamatan.",
        "”Semua paket akan tiba sebelum akhir bulan,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Semua", "Rahmat Hidayat")


def test_a_place_glued_before_a_name_does_not_mark_later_mentions_of_the_person():
    # "Kabupaten Sleman Arjunandir": "Sleman" is the place, so "di Sleman" later is no mention
    # of Arjunandir, and "katanya" stays with the last speaker.
    paragraphs = [
        "”Lahan sawah terus menyusut setiap tahun,” kata Kepala Dinas Pertanian Kabupaten Sleman Arjunandir.",
        "Pengajar Sekolah Tinggi Pertanahan, Sutaryono, mengungkapkan, alih fungsi lahan menjadi masalah di Sleman.",
        "”Risiko banjir meningkat jika sawah terus hilang,” katanya.",
    ]
    assert speakers(paragraphs) == [("Lahan", "Arjunandir"), ("Risiko", "Sutaryono")]


def test_the_place_of_an_office_is_not_the_person_holding_it():
    # "Wali Kota Medan dua periode ini" points back to the mayor; "Medan", written "di Medan",
    # is the city, not a person the "-nya" cue could mean.
    paragraphs = [
        "”Semua layanan kami sudah elektronik,” kata Mensos Rahmawati di Medan.",
        "Menurut Wali Kota Medan dua periode ini, sistem itu bisa dipakai di kementerian.",
        "”Di kementerian, petugas masih menulis dengan pulpen,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Di", "Rahmawati")


def test_a_mayor_named_after_wali_kota_is_a_person_not_a_place():
    paragraphs = [
        "Sepanjang jalan, Wali Kota Risma terus mengingatkan warga agar memakai masker.",
        "Ia berhenti di beberapa kampung.",
        "”Ayo maskernya dipakai, masih banyak yang sakit,” katanya.",
    ]
    assert speakers(paragraphs) == [("Ayo", "Risma")]


def test_a_subject_after_a_long_introductory_clause():
    paragraphs = [
        "”Harga gabah naik tajam bulan ini,” kata Sutrisno Adi.",
        "Terkait dengan kebutuhan pupuk para petani di seluruh daerah, Menteri Pertanian Bambang Sulistyo mendorong distribusi yang lebih cepat.",
        "”Pupuk harus sampai sebelum musim tanam,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Pupuk", "Bambang Sulistyo")


def test_a_bare_name_between_commas_after_an_office_is_the_subject():
    paragraphs = [
        "”Harga susu turun sejak bulan lalu,” kata Budi Santoso.",
        "Ketua Umum Koperasi Susu Lembang Selatan (KSLS) Cikole, Dadang Suherman, saat dihubungi, Senin, mengatakan, ratusan sapi sakit.",
        "”Kami butuh vaksin secepatnya,” katanya.",
    ]
    assert speakers(paragraphs)[-1] == ("Kami", "Dadang Suherman")


def test_an_anaphoric_role_after_a_reported_statement_with_a_long_office():
    # "Fakultas Ekonomi dan Bisnis ...": the office runs across "dan", so the reported statement
    # opens its sentence and its speaker is the one "pakar ... ini" points back to.
    paragraphs = [
        "”Pasar harus tetap buka,” ujar Gubernur Hasan Basri.",
        "Wakil Dekan Fakultas Ekonomi dan Bisnis Universitas Nusantara Rudi Hartono mengatakan, membatasi pedagang justru merugikan.",
        "Para pedagang bergantung pada pasar tradisional.",
        "”Yang harus diatur adalah jumlah pengunjung,” ujar pakar ekonomi ini.",
    ]
    assert speakers(paragraphs)[-1] == ("Yang", "Rudi Hartono")


def test_a_name_in_object_position_is_not_what_katanya_points_to():
    paragraphs = [
        "”Lukisan ini saya buat selama dua tahun,” kata Alamsyah Putra.",
        "Ketua Dewan Kesenian Riau Dedi Kurniawan mengatakan, pameran akan dibuka pekan depan.",
        "Pameran itu menampilkan karya Alamsyah dan seniman muda lain.",
        "”Kami menyiapkan tiga ruang pamer,” katanya.",
    ]
    assert speakers(paragraphs)[-1] == ("Kami", "Dedi Kurniawan")


def test_a_nya_speaker_keeps_the_form_of_the_mention_it_points_to():
    # The article writes "Joko Widodo" in its lead, but "katanya" follows "Presiden Jokowi".
    paragraphs = [
        "Presiden Joko Widodo meresmikan pabrik baterai di Karawang, Rabu.",
        "”Investasi ini menyerap dua puluh ribu pekerja,” ujar Presiden Jokowi.",
        "Presiden Jokowi juga meninjau jalur produksi.",
        "”Kita ingin menjadi produsen utama baterai kendaraan listrik,” katanya.",
    ]
    quotes = extract_quotes(paragraphs, "id", [JOKOWI])
    assert [(q.speaker, q.speaker_id) for q in quotes] == [("Jokowi", "per:joko-widodo")] * 2


def test_a_bare_name_then_its_office_between_commas():
    paragraphs = [
        "”Harga pakan naik terus,” kata Budi Santoso.",
        "Junaedi, Sekretaris KSU Karya Tani Makmur, mengatakan, peternak butuh bantuan.",
        "”Kami butuh subsidi pakan,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Kami", "Junaedi")


def test_a_one_word_name_with_an_office_in_apposition_is_a_person():
    # "Saraswati, Koordinator ..., mengatakan": the apposition titles her, so the one-word name
    # is trusted as the referent of "ujarnya".
    paragraphs = [
        "”Harga beras stabil,” kata Budi Santoso.",
        "Saraswati, Koordinator Jaringan Pangan Rakyat, mengatakan, stok menipis di desa.",
        "”Kami khawatir menjelang Lebaran,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Kami", "Saraswati")


def test_a_quoted_term_opening_a_sentence_is_no_statement_but_a_short_quote_with_its_comma_is():
    paragraphs = ["”Outlet” Konvensional Wakil Ketua Umum Asosiasi Pengusaha Siti Rahma mengatakan, toko tetap buka."]
    assert [q.text for q in extract_quotes(paragraphs, "id") if q.direct] == []
    quotes = extract_quotes(['"We agree," Putin said on Monday.'], "en")
    assert [(q.text, q.speaker) for q in quotes if q.direct] == [("We agree", "Putin")]


def test_the_subject_of_the_clause_after_menurut_name_is_not_the_speaker():
    paragraphs = [
        "”Ekspor batubara akan turun tahun ini,” kata Rahmat Santoso.",
        "Menurut Guru Besar Fakultas Ekonomi Universitas Mulawarman Hadi Kusuma, Kaltim harus menyiapkan industri pengolahan.",
        "”Hilirisasi pertanian harus dipersiapkan sejak sekarang,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Hilirisasi", "Hadi Kusuma")


def test_a_titled_subject_whose_office_runs_across_a_lower_case_word():
    paragraphs = [
        "”Inflasi akan turun,” kata Budi Santoso.",
        "Managing Director and Chief Economist Bank Samudra Arif Rahman optimistis, ekonomi tumbuh tahun depan.",
        "”Konsumsi rumah tangga akan pulih pada semester kedua,” ujarnya.",
    ]
    assert speakers(paragraphs)[-1] == ("Konsumsi", "Arif Rahman")


def test_the_first_part_of_an_office_before_dan_is_no_person():
    paragraphs = [
        "”Jalur sepeda harus diperluas,” kata Budi Santoso.",
        "Pembina Komunitas Sepeda dan Lari Jakarta Toto Sugito yakin, warga akan lebih sehat.",
        "”Bersepeda membuat kita bugar,” katanya.",
    ]
    assert speakers(paragraphs)[-1][1] != "Komunitas Sepeda"


def test_a_word_the_entity_stage_reads_as_a_body_is_no_mention_of_a_person():
    # "Pertamina memastikan ...": Pertamina is the company (an ORG entity), not the first word of
    # "... Infrastruktur Pertamina Mulyono", so "tuturnya" stays with Nicke.
    entities = [
        EntityMention(id="org:pertamina", name="Pertamina", type="ORG", mentions=("Pertamina",)),
        EntityMention(id="per:nicke-widyawati", name="Nicke Widyawati", type="PER", mentions=("Nicke Widyawati", "Nicke")),
        EntityMention(id="per:mulyono", name="Mulyono", type="PER", mentions=("Mulyono",)),
    ]
    paragraphs = [
        "”Kebakaran hanya terjadi pada bagian tangki,” kata Direktur Logistik Infrastruktur Pertamina Mulyono.",
        "Direktur Utama Pertamina Nicke Widyawati mengatakan, kilang akan segera pulih.",
        "Pertamina memastikan pasokan bahan bakar tetap aman.",
        "”Kami akan terus memantau kondisi kilang,” tuturnya.",
    ]
    quotes = extract_quotes(paragraphs, "id", entities)
    assert [q.speaker_id for q in quotes if q.direct] == ["per:mulyono", "per:nicke-widyawati"]


def test_an_anaphoric_role_after_a_new_subject_points_to_that_subject():
    # "politisi dari Partai Biru ini" follows Rina, the subject of the sentence before it, not
    # Budi, who spoke last.
    paragraphs = [
        "Ketua Umum Partai Hijau Budi Santoso mengimbau warga merayakan Lebaran di rumah.",
        "”Silaturahmi bisa dilakukan lewat telepon,” kata politisi senior Partai Hijau ini.",
        "Adapun Ketua DPRD Rina Wulandari berharap warga tetap saling membantu.",
        "”Semoga semangat gotong royong makin kuat,” kata politisi dari Partai Biru ini.",
    ]
    assert [s for _, s in speakers(paragraphs)] == ["Budi Santoso", "Rina Wulandari"]
