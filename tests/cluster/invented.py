"""Small invented articles for the clustering tests: written for them, about no real event."""

from __future__ import annotations

from kabar.records import Article, DateRef, EntityMention


def article(aid, title, body, outlet="contoh", published=None, language="id", entities=(), dates=()):
    return Article(
        id=aid, source=f"test:{aid}", language=language, body=tuple(body), title=title,
        outlet=outlet, published=published,
        entities=tuple(EntityMention(id=e, name=e.split(":")[1], type=e.split(":")[0].upper()) for e in entities),
        dates=tuple(DateRef(text=d, date=d) for d in dates),
    )


AGENCY_TEXT = [
    "Gempa bermagnitudo 6,1 mengguncang Kabupaten Sukamaju, Provinsi Nusa Barat, pada Senin pagi "
    "pukul 07.15 WIB, menurut Badan Meteorologi Klimatologi dan Geofisika (BMKG).",
    "Kepala Pusat Gempa BMKG, Darmawan Saputra, mengatakan pusat gempa berada di laut pada kedalaman "
    "12 kilometer, sekitar 40 kilometer barat daya Kota Sukamaju, dan tidak berpotensi tsunami.",
    "Badan Penanggulangan Bencana Daerah mencatat tiga warga meninggal dunia, 27 orang luka-luka dan "
    "sedikitnya 140 rumah rusak berat di Kecamatan Cikaret dan Kecamatan Lembah Hijau.",
    "Warga berhamburan keluar rumah ketika guncangan terasa sekitar sepuluh detik. Sejumlah sekolah "
    "meliburkan murid dan petugas mendirikan tenda pengungsian di lapangan kantor bupati.",
    "Bupati Sukamaju, Hendra Wiratmaja, meminta warga tetap tenang dan tidak mempercayai kabar bohong "
    "tentang gempa susulan yang lebih besar yang beredar di media sosial.",
]


def agency_copy() -> list[str]:
    """The agency text republished by another outlet with small edits."""
    edited = list(AGENCY_TEXT)
    edited[0] = edited[0].replace("pada Senin pagi", "Senin (3/3) pagi")
    edited[2] = edited[2].replace("sedikitnya 140 rumah", "140 rumah")
    edited.append("Baca berita selengkapnya di aplikasi kami.")
    return edited


def quake_reports() -> list[Article]:
    """One earthquake from three outlets, then a look-alike earthquake elsewhere a month later."""
    return [
        article("q1", "Gempa 6,1 Guncang Sukamaju, Tiga Warga Meninggal", AGENCY_TEXT,
                outlet="kabarsatu", published="2031-03-03", dates=["2031-03-03"],
                entities=["loc:sukamaju", "org:bmkg", "per:darmawan-saputra"]),
        article("q2", "Tiga Tewas dalam Gempa Sukamaju, 140 Rumah Rusak", [
            "Tiga orang meninggal dunia akibat gempa magnitudo 6,1 yang mengguncang Sukamaju, Nusa Barat, Senin (3/3/2031).",
            "BPBD Sukamaju menyebut 27 warga luka-luka dan 140 rumah rusak berat di Cikaret dan Lembah Hijau.",
            "Darmawan Saputra dari BMKG memastikan gempa berkedalaman 12 kilometer itu tidak berpotensi tsunami.",
            "Bupati Hendra Wiratmaja meminta warga tidak termakan kabar bohong soal gempa susulan.",
        ], outlet="beritadua", published="2031-03-03", dates=["2031-03-03"],
            entities=["loc:sukamaju", "org:bmkg", "per:darmawan-saputra", "per:hendra-wiratmaja"]),
        article("q3", "Warga Sukamaju Mengungsi ke Tenda Usai Gempa", [
            "Ratusan warga Sukamaju memilih bermalam di tenda pengungsian setelah gempa magnitudo 6,1 pada Senin (3/3/2031) pagi.",
            "Tenda didirikan di lapangan kantor bupati. Bupati Hendra Wiratmaja mengatakan bantuan logistik mulai datang.",
            "Menurut BPBD, gempa itu menewaskan tiga orang dan merusak 140 rumah di Cikaret dan Lembah Hijau.",
        ], outlet="warta3", published="2031-03-04", dates=["2031-03-03"],
            entities=["loc:sukamaju", "per:hendra-wiratmaja"]),
        article("q4", "Gempa 5,4 Guncang Pulau Karangasri, Dua Warga Luka", [
            "Gempa bermagnitudo 5,4 mengguncang Pulau Karangasri, Provinsi Laut Timur, Kamis (3/4/2031) malam.",
            "BMKG mencatat pusat gempa berada di kedalaman 30 kilometer, 15 kilometer timur laut Karangasri, dan tidak berpotensi tsunami.",
            "BPBD Karangasri melaporkan dua warga luka ringan dan 12 rumah rusak ringan di Desa Batu Putih.",
            "Camat Batu Putih, Yohanes Lamanepa, mengatakan warga sempat panik dan keluar rumah.",
        ], outlet="beritadua", published="2031-04-03", dates=["2031-04-03"],
            entities=["loc:karangasri", "org:bmkg", "per:yohanes-lamanepa"]),
    ]


def arrest_reports() -> list[Article]:
    """Two look-alike anti-graft arrests on the same day, each reported twice."""
    return [
        article("k1", "KPK Tangkap Bupati Tanjung Rawa dalam Operasi Tangkap Tangan", [
            "Komisi Pemberantasan Korupsi (KPK) menangkap Bupati Tanjung Rawa, Sofyan Harahap, dalam operasi tangkap tangan, Selasa (14/10/2031).",
            "Juru bicara KPK, Ratna Dewi, mengatakan penyidik menyita uang Rp 850 juta yang diduga suap proyek jalan kabupaten.",
            "Sofyan dan tiga orang lain dibawa ke gedung KPK di Jakarta untuk diperiksa.",
        ], outlet="kabarsatu", published="2031-10-14", dates=["2031-10-14"],
            entities=["org:kpk", "per:sofyan-harahap", "loc:tanjung-rawa", "per:ratna-dewi"]),
        article("k2", "KPK Tangkap Wali Kota Pasir Emas, Sita Rp 2 Miliar", [
            "KPK menangkap Wali Kota Pasir Emas, Gunadi Prasetyo, dalam operasi tangkap tangan di rumah dinasnya, Selasa (14/10/2031).",
            "Ratna Dewi dari KPK menyebut penyidik menyita Rp 2 miliar yang diduga suap perizinan pusat perbelanjaan.",
            "Gunadi diterbangkan ke Jakarta bersama ajudannya dan dua pengusaha.",
        ], outlet="warta3", published="2031-10-14", dates=["2031-10-14"],
            entities=["org:kpk", "per:gunadi-prasetyo", "loc:pasir-emas", "per:ratna-dewi"]),
        article("k3", "Bupati Tanjung Rawa Sofyan Harahap Terjaring OTT KPK", [
            "Bupati Tanjung Rawa Sofyan Harahap terjaring operasi tangkap tangan KPK pada Selasa (14/10/2031).",
            "Uang suap Rp 850 juta untuk proyek jalan kabupaten disita dari mobil ajudan Sofyan.",
            "Juru bicara KPK Ratna Dewi mengatakan status hukum Sofyan ditentukan dalam 24 jam.",
        ], outlet="beritadua", published="2031-10-14", dates=["2031-10-14"],
            entities=["org:kpk", "per:sofyan-harahap", "loc:tanjung-rawa", "per:ratna-dewi"]),
        article("k4", "Wali Kota Pasir Emas Gunadi Prasetyo Kena OTT, Ini Kasusnya", [
            "Wali Kota Pasir Emas Gunadi Prasetyo ditangkap KPK di rumah dinasnya pada Selasa (14/10/2031).",
            "Suap Rp 2 miliar itu diduga terkait izin pusat perbelanjaan di Pasir Emas, kata Ratna Dewi dari KPK.",
            "Dua pengusaha yang ikut ditangkap masih diperiksa di Jakarta.",
        ], outlet="kabarsatu", published="2031-10-14", dates=["2031-10-14"],
            entities=["org:kpk", "per:gunadi-prasetyo", "loc:pasir-emas", "per:ratna-dewi"]),
    ]
