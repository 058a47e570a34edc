"""Indonesian boilerplate knowledge for the clean stage: the words news pages put around an article.

Each pattern is matched case-insensitively against one whole scraped line. The clean stage
merges this module with the other ``*_boilerplate`` modules, so nothing here is Indonesian-only
in the code that uses it.
"""

# (kind, pattern): a line matching the pattern is boilerplate of that kind.
LINE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("font-controls", r"^(a\s*){2,3}(pengaturan font)?$|^pengaturan font$|^ukuran (huruf|font)"),
    # the page's time stamp, with or without the newsroom before it: "Tim Redaksi - Senin, 08 Jul 2024 14:05 WIB"
    ("date", r"^.{0,60}\b\d{1,2}[:.]\d{2}\s*(wib|wita|wit)\s*$"),
    ("caption", r"^(foto|gambar|ilustrasi|sumber foto|kredit foto)\s*:"),
    ("caption", r"^\(?(foto|ilustrasi|dok(umentasi)?|istimewa)\s*[:./]"),
    ("caption", r"^\(?(ilustrasi|istimewa|dok\. ?pribadi)\)?$"),
    ("comments", r"^(\d+\s+)?komentar(\s*\(\d*\))?$|^tulis komentar|^kirim komentar|^\(\s*\)$"
                 r"|^beri komentar|^lihat komentar|^komentar (anda|pembaca)"),
    ("share", r"^(bagikan|share)(\s+(artikel|berita))?(\s*:)?$|^salin link|^link disalin|^tautan disalin"),
    # "Bagikan: Facebook Twitter WhatsApp Salin Link": a share bar spelled out
    ("share", r"^(bagikan|share)( (artikel|berita|ke))?\s*:?\s*((facebook|twitter|x|whatsapp|wa|telegram|line"
              r"|linkedin|e-?mail|pinterest|salin( link| tautan)?|copy( link)?)[\s,|]*){2,}$"),
    ("promo", r"^(baca|buka|lihat) (di|lewat|via) (app|aplikasi)$|^(download|unduh) (app|aplikasi)"),
    ("caption", r"^lihat (foto|galeri|video)$|^(foto|video) (lainnya|selengkapnya)$"),
    ("navigation", r"^(beranda|home|indeks|terpopuler|terkini|terbaru|selengkapnya|lainnya|kembali ke atas|top)$"),
    ("navigation", r"^(berita|news)\s*(terkini|terpopuler|utama|lainnya)$"),
    ("ad", r"^(iklan|advertisement|sponsored|konten bersponsor|scroll (to|untuk) (continue|resume|lanjut)"
           r"|scroll to continue with content|lanjut baca di bawah ini)"),
    ("footer", r"^(hak cipta|copyright|©|\(c\)\s*\d{4})|dilindungi undang-undang|all rights reserved"),
    ("footer", r"^(tentang kami|redaksi|pedoman media siber|kebijakan privasi|syarat dan ketentuan|kontak kami"
               r"|karir|info iklan|disclaimer)$"),
    ("promo", r"^(dapatkan|ikuti) (update|berita|informasi)|^simak (berita|breaking news|update)"
              r"|^follow (kami|berita)|^(klik|download|unduh) (di ?sini|aplikasi)|^gabung (di|ke) (channel|grup)"
              r"|whatsapp channel|google news"),
    ("tags", r"^(tag|tags|topik|label|kata kunci)\s*:?$"),
    # editors' initials closing an article: "(dpr/rin)", "yf/vlz"
    ("credit", r"^\(?[a-z]{2,4}(/[a-z]{2,4})+\)?$|^\([a-z]{2,4}\)$"),
)

# Patterns that mark boilerplate however long the line is: promotions written as whole paragraphs
# ("Dapatkan update berita pilihan ... Mari bergabung di Grup Telegram ...").
ANY_LENGTH_PATTERNS: tuple[tuple[str, str], ...] = (
    ("promo", r"^(dapatkan|ikuti) (update|berita|informasi)( terbaru| terkini| pilihan)?\b.{0,80}"
              r"\b(google news|whatsapp|telegram|channel|grup|klik)"),
    ("promo", r"\bmari bergabung di (grup|channel|saluran)\b|\bcaranya klik link\b"),
)

# Bylines that name no person: "Oleh Redaksi", "Penulis Tim Lensapos", "Kontributor Semarang".
BYLINE_NOT_NAMES: tuple[str, ...] = ("redaksi", "tim", "admin", "kontributor", "koresponden", "humas",
                                     "staf", "desk", "wartawan", "reporter", "penulis", "editor")

# Lines that open a list of links to other articles: the list items after them go too.
RELATED_HEADERS: tuple[str, ...] = (
    r"^(baca|simak|lihat|tonton) (juga|pula)\b",
    r"^(artikel|berita|konten) (terkait|lainnya|pilihan|menarik|rekomendasi)\b",
    r"^(terkait|rekomendasi|pilihan editor|berita populer|paling populer|terpopuler)\s*:?$",
    r"^(baca selengkapnya|selengkapnya)\s*:",
)

# Byline keys ("Redaktur : Lili Lestari"): the value is a person (or an agency, then a source).
BYLINE_KEYS: tuple[str, ...] = (
    "redaktur", "editor", "penulis", "reporter", "pewarta", "penyunting", "kontributor",
    "wartawan", "oleh", "laporan wartawan", "koresponden",
)

# Byline keys whose first value is the medium, not a person ("Laporan wartawan Tribunnews, Budi").
BYLINE_MEDIUM_FIRST: tuple[str, ...] = ("laporan wartawan", "laporan reporter", "laporan koresponden")

# Words that introduce a cited source: "melansir CNA", "dilansir dari Aljazeera", "menurut ...".
CITE_CUES: tuple[str, ...] = (
    r"melansir(?: dari)?", r"dilansir(?: dari| oleh)?", r"mengutip(?: dari)?", r"dikutip(?: dari)?",
    r"seperti dikutip(?: dari)?", r"menurut", r"dilaporkan(?: oleh)?", r"sebagaimana dilaporkan",
    r"lapor(?:an)?", r"yang dibagikan", r"dari laman", r"dari situs", r"sumber\s*:",
)

# Descriptors between a cue and the source's name ("menurut kantor berita RIA Novosti").
SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "kantor berita", "surat kabar", "harian", "media", "stasiun televisi", "situs", "laman",
    "majalah", "koran", "portal berita", "televisi",
)

# Dateline separators after the city ("JAKARTA - ", "Antv – ").
DATELINE_OUTLET_HINT = r"(kompas\.com|detik(com)?|antara(news)?|liputan6\.com|tempo\.co|okezone|sindonews)"

# Marks that betray a photo caption inside an otherwise sentence-like line.
CAPTION_MARKERS: tuple[str, ...] = (
    r"\((kiri|kanan|tengah|ki-ka|ka-ki|kiri ke kanan|dari kiri)\)",
    r"\((foto|ilustrasi|sumber)\s*:[^)]*\)$",
    r"[.!?]\s+(foto|ilustrasi)\s*:.{0,60}$",
)

# What an error page says instead of an article ("404 - Halaman tidak ditemukan").
ERROR_PAGE_PATTERNS: tuple[str, ...] = (
    r"\bhalaman (yang anda cari )?tidak (dapat )?ditemukan\b", r"\bhalaman (sudah |telah )?dihapus\b",
    r"\bakses ditolak\b", r"\bterjadi kesalahan\b",
)
