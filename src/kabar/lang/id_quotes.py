"""Indonesian knowledge for quote attribution: reporting verbs, pronouns, titles and role words.

Quote extraction (``kabar.annotate.quotes``) reads these lists only; it has no Indonesian in it.
"""

# Reporting verbs written after a quote, bare or with "-nya" ("kata", "katanya", "ujar Roland").
# The base form is what is listed; "-nya" forms are recognised by the extractor.
CUES_AFTER = (
    "kata", "ujar", "tutur", "ucap", "ungkap", "papar", "jelas", "tegas", "terang", "tambah",
    "lanjut", "imbuh", "pungkas", "sebut", "tandas", "tanya", "tulis", "pesan", "ajak", "desak",
    "seru", "ungkap", "kenang", "akui", "aku", "sambung", "timpal", "jawab", "katakan", "tukas",
    "pinta", "harap", "cerita", "kisah", "bilang", "ingat", "klaim", "nilai", "beber", "urai",
    "terangnya", "ujanya",
)

# Reporting verbs in the active voice, after their subject ("Lavrov mengatakan, ...",
# "Wang Yi berjanji: ..."). They open a reported statement or a cue-first quote.
CUES_ACTIVE = (
    "mengatakan", "menegaskan", "menjelaskan", "menambahkan", "mengungkapkan", "memaparkan",
    "menuturkan", "menyebutkan", "menyebut", "menyatakan", "berkata", "bertanya", "berjanji",
    "mengingatkan", "menilai", "mengakui", "menekankan", "menerangkan", "melanjutkan",
    "menyampaikan", "mengklaim", "mengimbau", "meminta", "mengeluhkan", "berharap",
    "mengucapkan", "menanggapi", "menandaskan", "memastikan", "membenarkan", "mengaku",
    "menceritakan", "mengemukakan", "menguraikan", "membeberkan", "menyinggung", "bilang",
    "berpendapat", "berujar", "bertutur", "berpesan", "menyimpulkan", "memperingatkan",
    "mengimbuhkan", "menyebutkan", "menggarisbawahi", "mencontohkan", "menulis", "menuliskan",
    "mengungkap", "menyerukan", "mengajak", "mendesak", "mengharapkan", "menjawab",
    "memprediksi", "memperkirakan", "menduga", "menyarankan", "menuturkan", "mengemukakan",
    "menjabarkan", "mewanti-wanti",
)

# Passive or impersonal cues whose speaker follows ("ditambahkan Roland", "menurut Aswin").
CUES_PASSIVE = (
    "ditambahkan", "dikatakan", "dijelaskan", "diungkapkan", "ditegaskan", "disampaikan",
    "dipaparkan", "diterangkan", "diutarakan", "dituturkan", "dikemukakan",
)

# "Menurut X, ..." : the speaker follows the word; with "-nya" it is a pronoun.
ACCORDING_TO = ("menurut", "kata", "ujar")

# Words a reported statement may start with after its cue ("mengatakan bahwa ...").
THAT = ("bahwa", "kalau")

# Pronouns standing for an earlier person ("tutur dia", "Ia menambahkan").
PRONOUNS = ("dia", "ia", "beliau", "mereka", "dirinya")

# Demonstratives closing an anaphoric role phrase ("Diplomat tertinggi China ini").
DEMONSTRATIVES = ("ini", "itu", "tersebut")

# Titles, offices, ranks and honorifics that may precede a name. Stripped from speaker names;
# a quote attributed to one of them alone ("kata Presiden") goes to the person who held it
# earlier in the article.
ROLE_WORDS = (
    "Presiden", "Wapres", "Perdana", "Menteri", "PM", "Kanselir", "Raja", "Ratu", "Pangeran",
    "Sultan", "Paus", "Menlu", "Menhan", "Mendagri", "Menkeu", "Menko", "Mensesneg", "Mendag",
    "Menkes", "Mensos", "Mendikbud", "Menag", "Menpan", "Menkumham", "Menhub", "Menparekraf",
    "Kapolri", "Wakapolri", "Kapolda", "Kapolres", "Kapolresta", "Kapolrestabes", "Kapolsek",
    "Wakapolda", "Kabareskrim", "Kadiv", "Kabid", "Kasubdit", "Kasat", "Kasatreskrim", "Kanit",
    "Panglima", "KSAD", "KSAL", "KSAU", "Pangdam", "Danrem", "Dandim",
    "Jenderal", "Letjen", "Mayjen", "Brigjen", "Laksamana", "Laksma", "Marsekal", "Kolonel",
    "Letkol", "Mayor", "Kapten", "Lettu", "Letda", "Serka", "Sertu", "Bripka", "Brigadir",
    "Bripda", "Briptu", "Aipda", "Aiptu", "Irjen", "Komjen", "Kombes", "AKBP", "AKP", "Kompol",
    "Ipda", "Iptu", "Inspektur", "Komisaris", "Ajun", "Pol", "Polisi", "TNI", "Purn",
    "Gubernur", "Wagub", "Bupati", "Wabup", "Wali", "Walikota", "Wawali", "Camat", "Lurah",
    "Kades", "Ketua", "Ketum", "Wakil", "Sekjen", "Sekretaris", "Sekda", "Direktur", "Dirut",
    "Dirjen", "Direksi", "Kepala", "Kadis", "Kasi", "Kabag", "Kasubag", "Deputi", "Asisten",
    "Staf", "Staff", "Khusus", "Ahli", "Jaksa", "Hakim", "Dubes", "Duta", "Juru", "Bicara",
    "Jubir", "Diplomat", "Senator", "Anggota", "Pelatih", "Manajer", "Pemimpin", "Pimpinan",
    "Koordinator", "Komisioner", "Pengamat", "Peneliti", "Ekonom", "Guru", "Besar", "Dosen",
    "Rektor", "Dekan", "Dokter", "Spesialis", "Advokat", "Pengacara", "Kuasa", "Hukum", "Kabid",
    "Humas", "Plt", "Pj", "Plh", "Pelaksana", "Tugas", "Harian", "Penjabat", "Kapuspen",
    "Kapuspenkum", "Karopenmas", "Kasubbid", "Penmas", "Penerangan", "Umum", "Utama",
    "Eksekutif", "Chief", "Executive", "Officer", "CEO", "Founder", "Pendiri", "Presdir",
    "Presiden Direktur", "Komut", "Bapak", "Pak", "Ibu", "Bu", "Mas", "Mbak", "Sdr", "Saudara",
    "Dr", "dr", "Prof", "Ir", "H", "Hj", "KH", "Haji", "Hajjah", "Syekh", "Ustaz", "Ustad",
    "Habib", "Kiai", "Romo", "Pastor", "Pendeta", "Bhante", "Drs", "Dra", "SH", "MH", "MM",
    "MSi", "SE", "SIK", "Tuan", "Nyonya", "Nona", "Kak", "Dik", "Subkoordinator", "Kasubdit",
    "Kasubag", "Kasubbag", "Kabag", "Kasie", "Kepala", "Head", "Corporate", "Communications",
    "Communication", "General", "Manager", "Director", "President", "Vice", "Chief", "Senior",
    "Country", "Managing", "Partner", "Chairman", "Secretary", "Economist", "Analyst",
    "Pengajar", "Pembina", "Pengurus", "Pakar", "Politisi", "Politikus", "Analis", "Aktivis",
)

# Capitalised words of an office or place inside a role phrase ("Menteri Luar Negeri Rusia
# Sergei Lavrov", "Gubernur Jawa Barat Ridwan Kamil"): not names.
ROLE_CONTEXT_WORDS = (
    "Luar", "Negeri", "Dalam", "Keuangan", "Pertahanan", "Kesehatan", "Sosial", "Perdagangan",
    "Perindustrian", "Pertanian", "Perhubungan", "Agama", "Pendidikan", "Kebudayaan", "Riset",
    "Teknologi", "Koordinator", "Bidang", "Perekonomian", "Politik", "Keamanan", "Kemaritiman",
    "Investasi", "Pembangunan", "Manusia", "Negara", "Kabinet", "Badan", "Dinas", "Kantor",
    "Komisi", "Dewan", "Majelis", "Mahkamah", "Konstitusi", "Agung", "Kepolisian", "Daerah",
    "Resor", "Sektor", "Kota", "Kabupaten", "Provinsi", "Desa", "Kelurahan", "Kecamatan",
    "Dusun", "Partai", "Fraksi", "Pusat", "Divisi", "Biro", "Direktorat", "Subdirektorat",
    "Satuan", "Reserse", "Kriminal", "Khusus", "Narkoba", "Lalu", "Lintas", "Operasional",
    "Pemasaran", "Keuangan", "Hubungan", "Masyarakat", "Informasi", "Komunikasi", "Publik",
    "Kementerian", "Kemenkes", "Kemendagri", "Kemenlu", "Pemerintah", "Pemprov", "Pemkot",
    "Pemkab", "Jawa", "Barat", "Timur", "Tengah", "Utara", "Selatan", "Tenggara", "Daya",
    "Sumatera", "Kalimantan", "Sulawesi", "Papua", "Bali", "Nusa", "DKI", "Jakarta", "DIY",
    "Yogyakarta", "Banten", "Aceh", "Riau", "Jambi", "Lampung", "Bengkulu", "Gorontalo",
    "Maluku", "Indonesia", "RI", "Republik", "Rusia", "Russia", "China", "Cina", "Tiongkok",
    "RRT", "Amerika", "Serikat", "AS", "Ukraina", "Inggris", "Jepang", "Korea", "India",
    "Australia", "Perancis", "Prancis", "Jerman", "Iran", "Israel", "Palestina", "Arab",
    "Saudi", "Turki", "Malaysia", "Singapura", "Filipina", "Thailand", "Vietnam", "Eropa",
    "Uni", "PBB", "NATO", "ASEAN", "Gedung", "Putih", "Kremlin", "Universitas", "Institut",
    "Lembaga", "Yayasan", "Asosiasi", "Ikatan", "Himpunan", "Perhimpunan", "Persatuan",
    "Gabungan", "Forum", "Serikat", "Kamar", "Dagang", "Industri", "Bank", "PT", "Tbk",
    "Persero", "BUMN", "DPR", "DPRD", "MPR", "DPD", "KPK", "KPU", "Bawaslu", "Polri", "Polda",
    "Polres", "Polresta", "Polsek", "Kodam", "Korem", "Kodim", "Satgas", "Gugus", "Tugas",
    "Percepatan", "Penanganan", "Covid", "Komnas", "HAM", "BPBD", "BNPB", "BMKG", "Basarnas",
    "Kejaksaan", "Kejati", "Kejari", "Pengadilan", "Tinggi", "Bareskrim", "Densus",
    "Bea", "Cukai", "Imigrasi", "Pajak", "Otoritas", "Jasa", "OJK", "BI", "Kadin", "Apindo",
    "Pusat", "Studi", "Kajian", "Center", "Centre", "Institute", "Research", "Program",
    "Studi", "Fakultas", "Ekonomi", "Bisnis", "Pascasarjana", "Sekolah", "Rumah", "Sakit",
    "RSUD", "RS", "Puskesmas", "Humas", "Pers", "Media", "Wilayah", "Regional", "Kanwil",
    "Cabang", "Unit", "Seksi", "Bagian", "Urusan", "Kerja", "Sama", "Luar", "Raya",
    "Nasional", "Internasional",
)

# Lower-case words that may sit inside a role phrase before the name
# ("juru bicara Kementerian Luar Negeri", "kepala dinas").
ROLE_LOWER_WORDS = (
    "juru", "bicara", "kepala", "ketua", "wakil", "direktur", "menteri", "anggota", "pengamat",
    "peneliti", "ekonom", "guru", "besar", "dosen", "dokter", "spesialis", "staf", "ahli",
    "khusus", "pakar", "aktivis", "koordinator", "sekretaris", "jenderal", "presiden", "bupati",
    "gubernur", "wali", "kota", "camat", "lurah", "diplomat", "tertinggi", "utama", "senior",
    "pejabat", "pelaksana", "tugas", "harian", "manajer", "pemimpin", "pendiri", "analis",
    "dr", "drg", "ir", "prof", "h", "hj", "pengurus", "pembina", "pengajar",
    "politisi", "politikus",
)

# Lower-case particles that belong inside personal names ("Ahmad bin Yusuf", "van der Sar").
NAME_PARTICLES = ("bin", "binti", "van", "der", "den", "de", "da", "dos", "von", "al", "el", "la")

# Capitalised words that are never a speaker's name even in a name position.
NOT_NAMES = (
    "Sementara", "Namun", "Tetapi", "Karena", "Menurut", "Selain", "Dalam", "Di", "Ke", "Dari",
    "Pada", "Saat", "Ketika", "Untuk", "Dengan", "Yang", "Ini", "Itu", "Hal", "Ia", "Dia",
    "Mereka", "Kami", "Kita", "Saya", "Beliau", "Adapun", "Sedangkan", "Bahkan", "Jika",
    "Kalau", "Apalagi", "Oleh", "Sebab", "Tak", "Tidak", "Jadi", "Kemudian", "Senin",
    "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari", "Maret",
    "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    "Kompas", "Baca", "Juga", "Hari", "Sebelumnya", "Sebelum", "Setelah", "Sesudah", "Pihaknya",
    "Pemerintah", "Polisi", "Warga", "Seperti", "Diketahui", "Bagi", "Tentu", "Kini", "Kala",
    "Meski", "Meskipun", "Walau", "Agar", "Supaya", "Maka", "Soal", "Terkait", "Atas",
    "Antara", "Melalui", "Tanpa", "Hingga", "Sampai", "Sejak", "Atau", "Dan", "Serta",
    "Tahun", "Bulan", "Pekan", "Covid", "Kepada", "Secara", "Satu", "Dua", "Tiga", "Empat",
    "Lima", "Enam", "Tujuh", "Delapan", "Sembilan", "Sepuluh", "Para", "Sang", "Semua", "Setiap",
    "Sejumlah", "Beberapa", "Banyak", "Salah", "Hanya", "Justru", "Akan", "Sudah", "Masih",
)

# Words before a place name: a capitalised word written after one of these elsewhere in the
# article is a place, not the first word of a speaker's name ("Banyuwangi Istu Handono").
PLACE_MARKERS = ("di", "ke", "dari", "Kota", "Kabupaten", "Provinsi", "Kecamatan", "Desa", "wilayah", "daerah")


# Nouns of places and bodies whose next capitalised word names the place or body, not a person
# ("Kabupaten Banjarnegara", "Polres Sleman", "PT Waskita").
ADMIN_HEADS = (
    "Kabupaten", "Kota", "Provinsi", "Kecamatan", "Kelurahan", "Desa", "Dusun", "Polres",
    "Polresta", "Polda", "Polsek", "Kodam", "Korem", "Kodim", "Universitas", "PT", "Daop",
    "Bank", "Partai", "Fraksi", "Kejati", "Kejari", "Pemkab", "Pemkot", "Pemprov", "RSUD",
    "RSUP", "Stasiun", "Bandara", "Pelabuhan", "Taman", "Pulau", "Gunung", "Sungai",
)

# Lower-case words that keep a long role phrase going between its parts ("anggota Panja RUU
# Cipta Kerja dari Fraksi Partai Gerindra Obon Tabrani").
ROLE_CONNECTORS = ("dan", "dari", "sekaligus", "serta", "&", "/", "(", ")", "-", "untuk", "bidang", "pada", "for", "of", "and")

# Adverbs between a subject and its reporting verb ("Agus juga mengimbau", "Ia pun menegaskan").
SUBJECT_ADVERBS = ("juga", "pun", "kembali", "lalu", "kemudian", "sebelumnya", "sempat", "bahkan", "lantas", "sendiri", "justru", "tetap")

# Words opening an adverbial phrase between a subject and its verb ("Ahmad Sahroni dalam acara
# tersebut mengungkapkan", "Rudi saat dihubungi mengatakan").
ADVERBIAL_OPENERS = ("dalam", "saat", "di", "pada", "ketika", "usai", "seusai", "secara", "melalui", "sebelum", "setelah", "sesudah", "kepada", "dihubungi", "yang", "kala", "selaku", "sebagai")

# Words introducing the office of the name before them ("Edison Sembiring selaku Kepala Divisi
# ... menjelaskan"): the name, not the office, is the subject of the verb that follows.
APPOSITION_MARKERS = ("selaku", "sebagai")

# Words joining the parts of a body's name inside a role phrase ("Fakultas Ekonomi dan Bisnis
# Universitas Indonesia Teguh Dartanto"), read backwards from the name.
BODY_CONNECTORS = ("dan", "&")
