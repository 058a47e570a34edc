"""Indonesian knowledge for entity recognition and linking: titles and roles that precede names,
honorifics, and capitalised words that start sentences but are not names."""

# Titles and offices written before a name ("Presiden Rusia Vladimir Putin", "Menlu Retno").
# Multi-word roles are listed whole so the longest one is kept as EntityMention.role.
ROLES = (
    "Presiden", "Wakil Presiden", "Wapres", "Perdana Menteri", "PM", "Kanselir", "Raja", "Ratu",
    "Pangeran", "Putra Mahkota", "Sultan", "Paus", "Menteri", "Menteri Luar Negeri", "Menlu",
    "Menteri Pertahanan", "Menhan", "Menteri Dalam Negeri", "Mendagri", "Menteri Keuangan",
    "Menkeu", "Menko", "Mensesneg", "Menteri Sekretaris Negara", "Sekretaris Negara",
    "Menteri Perdagangan", "Mendag", "Menteri Kesehatan", "Menkes", "Menteri BUMN",
    "Kapolri", "Wakapolri", "Kapolda", "Kapolres", "Kapolsek", "Panglima", "Panglima TNI",
    "KSAD", "KSAL", "KSAU", "Jenderal", "Letjen", "Mayjen", "Brigjen", "Laksamana", "Marsekal",
    "Kolonel", "Letkol", "Mayor", "Kapten", "Irjen", "Kombes", "AKBP", "AKP", "Kompol", "Ipda",
    "Gubernur", "Wakil Gubernur", "Wagub", "Bupati", "Wakil Bupati", "Wali Kota", "Walikota",
    "Wakil Wali Kota", "Camat", "Lurah", "Kepala Desa", "Ketua", "Ketua Umum", "Ketum",
    "Wakil Ketua", "Sekjen", "Sekretaris Jenderal", "Direktur", "Direktur Utama", "Dirut",
    "Kepala", "Jaksa Agung", "Hakim", "Ketua MK", "Dubes", "Duta Besar", "Juru Bicara", "Jubir",
    "Diplomat", "Senator", "Anggota DPR", "Ketua DPR", "Ketua MPR", "Pelatih", "Kapten",
    "Bapak", "Pak", "Ibu", "Bu", "Mas", "Mbak", "Sdr.", "Saudara", "Dr.", "dr.", "Prof.",
    "Ir.", "H.", "Hj.", "KH.", "K.H.", "Haji", "Hajjah", "Syekh", "Ustaz", "Ustad", "Habib",
    "Imam", "Imam Besar", "Rektor", "Pendeta", "Uskup", "Kiai", "Kyai", "Gus",
)

# Words after a role that still belong to it ("Menteri Luar Negeri Rusia" keeps "Rusia" as a
# separate place; these only glue multi-word offices together).
ROLE_JOINERS = ("Luar", "Negeri", "Dalam", "Besar", "Utama", "Umum", "Agung", "Jenderal")

# Lower-case words that may sit inside a name ("Kementerian Hukum dan HAM", "Ali bin Abi Talib").
NAME_PARTICLES = ("dan", "bin", "binti", "van", "von", "der", "den", "de", "da", "di", "al", "el", "la", "le", "du")

# Function words that open sentences in Title Case ("Antara Republik Rakyat Tiongkok dan ...",
# "Menurut Putin ..."): never the first word of a name, even when the tagger says so. "Antara"
# is also the news agency ANTARA, which is recognised in capitals or mid-sentence.
FUNCTION_WORDS = (
    "antara", "di", "ke", "dari", "pada", "kepada", "dalam", "untuk", "bagi", "dengan", "oleh",
    "menurut", "sementara", "namun", "tetapi", "dan", "atau", "bahwa", "karena", "sejak", "hingga",
    "sampai", "setelah", "sebelum", "saat", "ketika", "selama", "tentang", "terhadap", "melalui",
    "meski", "meskipun", "walaupun", "jika", "kalau", "agar", "supaya", "sedangkan", "bersama",
    "yang", "ini", "itu", "para", "sang", "si", "kata", "ujar", "pihak", "seperti", "juga",
)

# Words that open the name of a building, institution or street and so are followed by a
# name, often a person's ("RSPAD Gatot Soebroto", "Jalan Sudirman", "Bandara Soekarno-Hatta"),
# with the type the whole name takes.
FACILITY_WORDS = {
    "RS": "ORG", "RSUD": "ORG", "RSUP": "ORG", "RSPAD": "ORG", "RSAL": "ORG", "RSAU": "ORG",
    "RSPI": "ORG", "RSIA": "ORG", "RSU": "ORG", "RSCM": "ORG", "Rumah Sakit": "ORG",
    "Universitas": "ORG", "Institut": "ORG", "Sekolah": "ORG", "SMA": "ORG", "SMP": "ORG",
    "SD": "ORG", "SMK": "ORG", "Pondok Pesantren": "ORG", "Ponpes": "ORG", "Pesantren": "ORG",
    "Yayasan": "ORG", "Lanud": "LOC", "Masjid": "LOC", "Gereja": "LOC", "Pura": "LOC",
    "Vihara": "LOC", "Klenteng": "LOC", "Bandara": "LOC", "Bandar Udara": "LOC",
    "Pelabuhan": "LOC", "Stasiun": "LOC", "Terminal": "LOC", "Jalan": "LOC", "Jl": "LOC",
    "Jl.": "LOC", "Stadion": "LOC", "Gelora": "LOC", "Gedung": "LOC", "Lapangan": "LOC",
    "Taman": "LOC", "Monumen": "LOC", "Museum": "LOC", "Wisma": "LOC", "Istana": "LOC",
    "Makam": "LOC", "Taman Makam Pahlawan": "LOC", "TMP": "LOC", "Jembatan": "LOC",
    "Kampus": "LOC", "Balai": "LOC", "Aula": "LOC",
}

# Words joining two names that a tagged run may wrongly swallow ("Xinhua dan Reuters").
CONJUNCTIONS = ("dan", "serta", "atau", "maupun")
