"""Bad input through the real `kabar ingest`: every item gets one reason line, the rest is stored.

    .venv/bin/python bench/bad_input.py            # full sizes: 200 MB text, 1 GB JSONL, 50 MB line
    .venv/bin/python bench/bad_input.py --scale 0.01 --only big-text,huge-jsonl

Each item of ``make_bad_inputs`` is ingested alone (its own process and database), beside one good
article, recording wall time, peak RSS (the child's ru_maxrss) and the `rejected ...` lines. The 1 GB
JSONL is also read by the reader alone (no pipeline) to show streaming memory. Writes
bench/results/bad_input.json and bad_input.md. tests/test_bad_input.py runs the same items at a
small scale.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
MB = 1024 * 1024

ARTICLE = """Beranda Nasional Ekonomi Olahraga
Pemkot Semarang Buka Posko Pengungsian Banjir
SEMARANG - Pemerintah Kota Semarang membuka empat posko pengungsian setelah banjir merendam
ratusan rumah di Kecamatan Genuk pada Selasa (14/1/2025).
"Kami sudah menyiapkan dapur umum dan tenaga kesehatan," kata Wali Kota Semarang Hendra Wibowo kepada wartawan.
Menurut Badan Penanggulangan Bencana Daerah, ketinggian air mencapai satu meter di beberapa titik.
Baca juga:
- Harga Cabai Naik Jelang Ramadan
Redaktur : Sinta Dewi
"""


def article(place: str) -> str:
    """The sample article about another place: distinct content, so never a duplicate."""
    return ARTICLE.replace("Semarang", place).replace("Genuk", f"{place} Barat")


def article_with(place: str, body_lines: bytes) -> bytes:
    """The article's bytes with extra body lines before its "Baca juga" links."""
    head, tail = article(place).split("Baca juga:")
    return head.encode() + body_lines + ("Baca juga:" + tail).encode()


@dataclass
class Item:
    name: str  # file name in the input folder
    expect: str  # "stored", or a part of the reason line the item must get
    what: str  # the wording of the case


def _write_text_of_size(path: Path, size: int, line: str, opener=open) -> None:
    """A file of ``size`` bytes of repeated text lines, written in pieces (never all in memory)."""
    chunk = (line * max(1, MB // len(line))).encode()
    with opener(path, "wb") as out:
        written = 0
        while written < size:
            piece = chunk[: size - written]
            out.write(piece)
            written += len(piece)


def _warc_gz(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, payload in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


def _gzip_bomb(path: Path, inflated: int, line: bytes = b"a" * 1023 + b"\n") -> None:
    block = line * (MB // len(line))
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(inflated // len(block)):
            out.write(block)


def make_bad_inputs(folder: Path, scale: float = 1.0) -> list[Item]:
    """Write every bad-input case of issue 9 into ``folder``; ``scale`` shrinks the big ones
    (1.0: 200 MB text file, 1 GB JSONL, 50 MB line, 1 GB bombs)."""
    folder.mkdir(parents=True, exist_ok=True)
    items: list[Item] = []

    def add(name: str, expect: str, what: str, data: bytes | str | None = None) -> Path:
        path = folder / name
        if data is not None:
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        items.append(Item(name, expect, what))
        return path

    add("good.txt", "stored", "a good article beside the bad ones", article("Semarang"))
    add("zero-byte.txt", "empty file", "zero-byte file", b"")
    add("binary.txt", "binary content", "binary file", random.Random(9).randbytes(64 * 1024))
    add("binary.html", "binary content", "binary file named .html", random.Random(10).randbytes(8 * 1024))
    big = max(int(200 * MB * scale), 51 * MB)  # the limit is 50 MiB: always over it
    _write_text_of_size(add("big-200mb.txt", "file too large", "200 MB text file"), big, article("Kendal"))
    items_jsonl = add("huge-1gb.jsonl", "stored", "1 GB JSONL of normal records, streamed")
    write_jsonl_of_size(items_jsonl, int(1024 * MB * scale), distinct=max(10, int(300 * scale)))
    add("nested-deep.html", "nested deeper than 256", "HTML nested 100,000 elements deep",
        "<html><body>" + "<div>" * 100_000 + f"<p>{article('Demak')}</p>" + "</div>" * 100_000 + "</body></html>")
    add("nested-unclosed.html", "nested deeper than 256", "100,000 unclosed <b><i><span> tags",
        "<html><body><p>" + article("Kudus") + "<b><i><span>" * 33_334 + "tail</body>")
    add("malformed.html", "stored", "malformed HTML (broken tags, attributes, comments, CDATA)",
        "<html<head><title>Banjir Pati</title></head><body <p class=x>" + article("Pati").replace("\n", "<br\n")
        + "</p></div></table><!-- unclosed comment <script>var a='</script' <![CDATA[ x ]]> <p =>")
    links = "".join(f'<a href="https://warta.example/berita/{i}">Berita {i}</a> ' for i in range(100_000))
    add("links-100k.html", "stored", "HTML with 100,000 links",
        f"<html><body><nav>{links}</nav><article><p>{article('Blora')}</p></article></body></html>")
    bomb_size = max(int(1024 * MB * scale), 60 * MB)
    _warc_gz(add("bomb.warc.gz", "record larger than", "compressed bomb in .warc.gz"),
             [("https://warta.example/bomb", b"<html><body>" + b"a" * bomb_size + b"</body></html>"),
              ("https://warta.example/ok", f"<html><body><article><p>{article('Rembang')}</p></article></body></html>".encode())])
    _gzip_bomb(add("bomb.txt.gz", "decompresses to more than", "compressed bomb in .gz (text)"), bomb_size)
    _gzip_bomb(add("bomb-line.jsonl.gz", "line too long", "compressed bomb in .jsonl.gz (one endless line)"),
               bomb_size, line=b"x" * 1024)
    add("invalid-utf8.txt", "stored", "invalid UTF-8 bytes in an otherwise UTF-8 file",
        article_with("Tegal", b"\xff\xfe\xc3\x28 Warga \xe2\x82 mengungsi ke balai desa.\n"))
    add("mixed-encodings.txt", "stored", "UTF-8 and cp1252 lines mixed in one file",
        article_with("Brebes", "Warung Café “Sederhana” di dekat alun-alun ditutup sejak pagi.\n".encode("cp1252")
                     + "Kafé ’Lain’ di seberangnya tetap buka bagi para pengungsi.\n".encode()))
    add("nul-bytes.txt", "stored", "NUL bytes inside the text", article("Batang").replace(" ", " \x00", 40))
    add("long-line.txt", "stored", "a very long line (5 MB, no newline) after an article",
        article("Pemalang") + "kata " * max(int(1 * MB * scale), 200_000))
    with (folder / "long-line.jsonl").open("wb") as out:  # 50 MB line, then a good record
        out.write(b'{"id": "long", "text": "' + b"kata " * int(10 * MB * max(scale, 0.45)) + b'"}\n')
        out.write(json.dumps({"id": "after-long-line", "text": article("Wonosobo")}).encode() + b"\n")
    items.append(Item("long-line.jsonl:1", "line too long", "a 50 MB line in JSONL"))
    items.append(Item("long-line.jsonl:2", "stored", "the record after the 50 MB line"))
    add("rtl.txt", "stored", "right-to-left text (Arabic, Hebrew) with bidi controls",
        "\u202bقالت الحكومة الإندونيسية إن الفيضانات غمرت ثلاث مناطق في جاكرتا يوم الثلاثاء.\u202c\n"
        "وقال المتحدث \"نحن نعد المطابخ العامة\" للصحفيين.\nהממשלה אמרה כי השיטפונות הציפו שלושה מחוזות.\n")
    add("emoji.txt", "stored", "emoji, ZWJ sequences and astral-plane text",
        article_with("Cilacap", "Air 🌊 setinggi lutut 👨‍👩‍👧‍👦 merendam rumah warga 🙏🏽🇮🇩 𝓑𝓪𝓷𝓳𝓲𝓻 di tepi sungai.\n".encode()))
    wrong = [
        {"id": ["a", "list"], "text": article("Jepara")},
        {"id": "wrong-text", "text": 12345},
        {"id": "wrong-html", "html": {"p": "x"}},
        {"id": "wrong-title", "text": article("Jepara"), "title": ["x"]},
        {"id": "wrong-published", "text": article("Jepara"), "published": 20250114},
        {"id": "wrong-url", "text": article("Jepara"), "url": True},
        {"id": "right-types", "text": article("Jepara")},
    ]
    add("wrong-types.jsonl", "", "", "\n".join(json.dumps(r) for r in wrong) + "\n")
    items.pop()
    for number, (reason, what) in enumerate([
            ("field 'id' must be a non-empty string", "JSONL id of the wrong type (list)"),
            ("field 'text' must be a string, got int", "JSONL text of the wrong type (int)"),
            ("field 'html' must be a string, got dict", "JSONL html of the wrong type (object)"),
            ("field 'title' must be a string, got list", "JSONL title of the wrong type (list)"),
            ("field 'published' must be a string, got int", "JSONL published of the wrong type (int)"),
            ("field 'url' must be a string, got bool", "JSONL url of the wrong type (bool)"),
            ("stored", "a right-typed record after them")], start=1):
        items.append(Item(f"wrong-types.jsonl:{number}", reason, what))
    dates = [
        {"id": "year-0", "text": article("Klaten"), "published": "0000-01-01"},
        {"id": "year-9999", "text": article("Sragen"), "published": "9999-12-31"},
        {"id": "feb-30", "text": article("Boyolali"), "published": "2025-02-30"},
        {"id": "text-dates", "text": article("Salatiga") + "Peristiwa itu terjadi pada 1 Januari 0 dan "
         "akan diperingati 31 Desember 9999, kata dia. On December 31, 9999 and 0000-01-01 nothing.\n"},
    ]
    add("dates.jsonl", "", "", "\n".join(json.dumps(r) for r in dates) + "\n")
    items.pop()
    items += [Item("dates.jsonl:1", "field 'published' is not a date", "published in the year 0"),
              Item("dates.jsonl:2", "stored", "published 9999-12-31"),
              Item("dates.jsonl:3", "field 'published' is not a date", "published 2025-02-30"),
              Item("dates.jsonl:4", "stored", "dates in the year 0 and 9999 in the text")]
    add("one-char.txt", "a few characters", "an article of 1 character", "x")
    add("same-a.txt", "stored", "the same article under two ids (first)", article("Magelang"))
    add("same-b.txt", "duplicate", "the same article under two ids (second)", article("Magelang"))
    return items


def write_jsonl_of_size(path: Path, size: int, distinct: int = 300) -> int:
    """Normal JSONL records up to ``size`` bytes: ``distinct`` different articles, then the same
    ones again under new ids (stored once, the rest counted as duplicates: ingesting 1 GB of
    all-new articles takes hours at ~24 articles/s, and the point here is the streaming)."""
    places = [f"Kota {n}" for n in range(distinct)]
    written = lines = 0
    with path.open("wb") as out:
        while written < size:
            place = places[lines % distinct]
            line = (json.dumps({"id": f"rec-{lines}", "text": article(place), "outlet": "Warta",
                                "published": "2025-01-14"}) + "\n").encode()
            out.write(line)
            written += len(line)
            lines += 1
    return lines
