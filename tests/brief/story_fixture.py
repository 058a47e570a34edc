"""A hand-written multi-outlet story for the brief tests: five invented Indonesian reports of
one event (a foreign minister's visit to Moscow, 21-22 February 2023), annotated by hand the way
the annotate stage would: canonical entities, resolved dates with their offsets, quotes.

The outlets are invented; the text is written for these tests.
"""

from __future__ import annotations

from kabar.records import Article, DateRef, EntityMention, Quote

# canonical id -> (name, type, surface forms as outlets write them)
ENTITIES = {
    "per:putin": ("Vladimir Putin", "PER", ("Presiden Vladimir Putin", "Vladimir Putin", "Putin")),
    "per:wang-yi": ("Wang Yi", "PER", ("Wang Yi",)),
    "per:lavrov": ("Sergei Lavrov", "PER", ("Sergei Lavrov", "Lavrov")),
    "per:patrushev": ("Nikolai Patrushev", "PER", ("Nikolai Patrushev", "Patrushev")),
    "per:xi": ("Xi Jinping", "PER", ("Presiden Xi Jinping", "Xi Jinping")),
    "loc:china": ("China", "LOC", ("China", "Tiongkok")),
    "loc:rusia": ("Rusia", "LOC", ("Rusia",)),
    "loc:moskow": ("Moskow", "LOC", ("Moskow",)),
    "loc:beijing": ("Beijing", "LOC", ("Beijing",)),
    "loc:ukraina": ("Ukraina", "LOC", ("Ukraina",)),
    "loc:as": ("Amerika Serikat", "LOC", ("Amerika Serikat", "Washington")),
    "org:nato": ("NATO", "ORG", ("NATO",)),
    "org:kremlin": ("Kremlin", "ORG", ("Kremlin",)),
}

SPEAKERS = {"putin": "per:putin", "wang": "per:wang-yi", "lavrov": "per:lavrov"}


def make_article(id, outlet, published, title, body, dates=(), quotes=(), cited=(), duplicate_of=None,
                 language="id") -> Article:
    """An annotated article: entities found by their surface forms, dates located by their text,
    quotes attributed to SPEAKERS keys. ``dates`` are (text, resolved, background)."""
    text = "\n".join(body)
    entities = []
    for entity_id, (name, kind, forms) in ENTITIES.items():
        found = tuple(f for f in forms if f in text)
        if found:
            entities.append(EntityMention(entity_id, name, kind, found, count=sum(text.count(f) for f in found)))
    date_refs = []
    for expression, resolved, background in dates:
        start = text.find(expression)
        assert start >= 0, f"{id}: date expression {expression!r} not in the body"
        date_refs.append(DateRef(expression, resolved, start, inferred=False, background=background))
    quote_records = []
    for words, speaker, direct in quotes:
        paragraph = next(i for i, p in enumerate(body) if words in p)
        speaker_id = SPEAKERS[speaker]
        quote_records.append(Quote(words, ENTITIES[speaker_id][0], speaker_id, "kata", direct, paragraph))
    return Article(
        id=id, source=f"fixture:{id}", language=language, body=tuple(body), outlet=outlet, title=title,
        published=published, cited_sources=tuple(cited), entities=tuple(entities), dates=tuple(date_refs),
        quotes=tuple(quote_records), story="s-moskow", duplicate_of=duplicate_of,
    )


PUTIN_QUOTE_A = ("Kerja sama antara Rusia dan China di panggung internasional sangat penting untuk "
                 "menstabilkan situasi internasional")
PUTIN_QUOTE_B = ("Kerja sama China dan Rusia di panggung internasional sangat penting untuk menstabilkan "
                 "situasi internasional")
PUTIN_QUOTE_C = ("Kerja sama antara China dan Rusia di panggung dunia sangat penting untuk menstabilkan "
                 "situasi internasional")
WANG_QUOTE = "Hubungan Tiongkok-Rusia kokoh seperti batu dan akan tahan menghadapi ujian situasi internasional"


def moscow_story() -> list[Article]:
    warta = make_article(
        "warta-1", "Warta Harian", "2023-02-22",
        "Putin Terima Wang Yi di Kremlin, Sebut Kerja Sama Rusia-China Kunci Stabilitas Dunia",
        [
            "MOSKOW - Presiden Rusia Vladimir Putin menerima Menteri Luar Negeri China Wang Yi di Kremlin pada Rabu (22/2/2023).",
            "Putin mengatakan kerja sama Rusia dan China sangat penting untuk menstabilkan situasi internasional.",
            f"\"{PUTIN_QUOTE_A},\" kata Putin.",
            "Putin juga mengatakan dirinya menantikan kunjungan Presiden China Xi Jinping ke Moskow.",
            "Sebelumnya pada hari yang sama, Wang Yi bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskow.",
            "Pada Selasa (21/2/2023), Wang Yi bertemu Sekretaris Dewan Keamanan Rusia Nikolai Patrushev.",
            "Amerika Serikat dan NATO khawatir China akan memasok senjata kepada Rusia untuk perang di Ukraina, tuduhan yang dibantah Beijing.",
            "Rusia menginvasi Ukraina pada 24 Februari 2022.",
            "Baca juga: Harga Minyak Dunia Naik Lagi Pekan Ini",
        ],
        dates=[("Rabu (22/2/2023)", "2023-02-22", False), ("hari yang sama", "2023-02-22", False),
               ("Selasa (21/2/2023)", "2023-02-21", False), ("24 Februari 2022", "2022-02-24", True)],
        quotes=[(PUTIN_QUOTE_A, "putin", True)],
        cited=("Reuters",),
    )
    kabar = make_article(
        "kabar-1", "Kabar Nusantara", "2023-02-22",
        "Wang Yi: Hubungan China-Rusia Kokoh seperti Batu",
        [
            "JAKARTA - Diplomat tertinggi Tiongkok Wang Yi mengatakan hubungan Tiongkok dan Rusia \"kokoh seperti batu\" saat bertemu Presiden Vladimir Putin di Moskow, Rabu (22/2).",
            f"\"{WANG_QUOTE},\" ujar Wang Yi.",
            "Putin menyebut kerja sama Moskow dan Beijing di panggung global penting untuk menstabilkan situasi internasional.",
            "Menurut Putin, Presiden Xi Jinping dijadwalkan berkunjung ke Rusia dalam waktu dekat.",
            "Negara-negara Barat khawatir Tiongkok akan memasok senjata ke Rusia, tuduhan yang dibantah Beijing.",
            "Wang Yi tiba di Moskow pada Selasa dan bertemu Nikolai Patrushev, sekretaris Dewan Keamanan Rusia.",
            "Kunjungan itu berlangsung dua hari menjelang peringatan setahun invasi Rusia ke Ukraina pada 24 Februari 2022.",
        ],
        dates=[("Rabu (22/2)", "2023-02-22", False), ("Selasa", "2023-02-21", False),
               ("24 Februari 2022", "2022-02-24", True)],
        quotes=[(WANG_QUOTE, "wang", True)],
        cited=("AFP",),
    )
    suara = make_article(
        "suara-1", "Suara Dunia", "2023-02-23",
        "Bertemu Lavrov dan Putin, Wang Yi Tegaskan Kemitraan China-Rusia",
        [
            "Menteri Luar Negeri China Wang Yi bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskow pada Rabu, 22 Februari 2023, sebelum diterima Presiden Vladimir Putin.",
            "Wang Yi menyebut hubungan Beijing dan Moskow kokoh seperti batu.",
            f"\"{PUTIN_QUOTE_B},\" kata Putin kepada Wang Yi.",
            "Putin mengatakan Presiden Xi Jinping akan berkunjung ke Moskow dan ia menantikan kedatangannya.",
            "Sehari sebelumnya, pada 21 Februari 2023, Wang Yi bertemu Nikolai Patrushev di Moskow.",
            "Lavrov mengatakan kedua negara menunjukkan solidaritas di tengah gejolak dunia.",
            "Sebanyak 120 diplomat kedua negara hadir dalam pertemuan di Kremlin itu.",
            "Washington dan NATO khawatir Beijing akan mengirim senjata dan amunisi ke Rusia.",
        ],
        dates=[("Rabu, 22 Februari 2023", "2023-02-22", False), ("21 Februari 2023", "2023-02-21", False)],
        quotes=[(PUTIN_QUOTE_B, "putin", True),
                ("kedua negara menunjukkan solidaritas di tengah gejolak dunia", "lavrov", False)],
        cited=("Reuters", "TASS"),
    )
    berita = make_article(
        "berita-1", "Berita Kini", "2023-02-22",
        "Putin Sambut Wang Yi, Xi Jinping Dijadwalkan ke Moskow",
        [
            "Presiden Vladimir Putin menyambut diplomat senior China Wang Yi di Kremlin pada Rabu (22/2/2023).",
            "Putin mengatakan kerja sama Rusia dan China penting untuk menstabilkan situasi internasional.",
            f"\"{PUTIN_QUOTE_C},\" ujar Putin.",
            "Sebanyak 150 diplomat kedua negara hadir dalam pertemuan di Kremlin itu.",
            "Usai pertemuan, Wang Yi mengunjungi sebuah pasar di Moskow dan mencicipi kue tradisional Rusia.",
        ],
        dates=[("Rabu (22/2/2023)", "2023-02-22", False)],
        quotes=[(PUTIN_QUOTE_C, "putin", True)],
    )
    copy = make_article(
        "daerah-1", "Warta Daerah", "2023-02-22", warta.title, list(warta.body),
        dates=[(d.text, d.date, d.background) for d in warta.dates],
        quotes=[(PUTIN_QUOTE_A, "putin", True)], cited=("Reuters",), duplicate_of="warta-1",
    )
    return [warta, kabar, suara, berita, copy]
