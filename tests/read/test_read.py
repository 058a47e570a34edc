"""Readers on real files: every bad input is one Rejected with a reason, the rest is read."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kabar.read import format_of, read_paths
from kabar.records import RawDocument, Rejected

BODY = "JAKARTA - Banjir merendam tiga kecamatan di Jakarta Utara pada Selasa (14/1).\nWarga mengungsi."


def _warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(record)


def test_formats_by_extension():
    assert format_of(Path("a.TXT")) == "txt"
    assert format_of(Path("a.htm")) == "html"
    assert format_of(Path("x/a.warc.gz")) == "warc"
    assert format_of(Path("a.jsonl")) == "jsonl"
    assert format_of(Path("a.pdf")) is None


def test_text_in_legacy_encodings_is_decoded(tmp_path: Path):
    text = "Menteri Keuangan menyebut défisit anggaran turun, kata pejabat itu kepada wartawan. " * 3
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "utf16le-nobom.txt").write_bytes(text.encode("utf-16-le"))
    docs = list(read_paths([tmp_path]))
    assert all(isinstance(d, RawDocument) for d in docs), docs
    assert {d.id for d in docs} == {"cp1252", "utf16", "utf16le-nobom"}
    assert all("défisit" in d.text for d in docs)


def test_bad_files_are_rejected_with_reasons(tmp_path: Path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "plain.html").write_text("just words, no markup at all", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # unknown extensions in folders are skipped
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    rejected = {Path(r.source).name: r.reason for r in items if isinstance(r, Rejected)}
    assert rejected == {
        "binary.txt": rejected["binary.txt"], "empty.txt": "empty file",
        "plain.html": "not an HTML page (no markup)", "missing.txt": "no such file or folder",
    }
    assert "binary" in rejected["binary.txt"]
    assert [d.id for d in items if isinstance(d, RawDocument)] == ["good"]


def test_jsonl_lines_each_stand_alone(tmp_path: Path):
    lines = [
        json.dumps({"id": "a1", "text": BODY, "outlet": "Warta", "published": "2025-01-14"}),
        "{broken json",
        json.dumps({"id": 7, "html": "<html><body><p>Hujan deras.</p></body></html>"}),
        json.dumps({"id": "a3", "text": 42}),
        json.dumps({"id": "a4"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a5", "text": BODY, "published": 20250114}),
        "",
        json.dumps({"id": "a6", "text": "   "}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [d.id for d in docs] == ["a1", "7"]
    assert docs[0].outlet == "Warta" and docs[0].published == "2025-01-14"
    assert docs[1].html and docs[1].text is None
    reasons = [r.line() for r in rejected]
    assert len(reasons) == 6
    assert f"{path}:2: invalid JSON" in reasons[0]
    assert "field 'text' must be a string, got int" in reasons[1]
    assert "needs a 'text' or an 'html' field" in reasons[2]
    assert "expected a JSON object, got list" in reasons[3]
    assert "field 'published' must be a string" in reasons[4]
    assert "empty article text" in reasons[5]


def test_warc_records_and_truncated_archive(tmp_path: Path):
    pages = [(f"https://warta.example/berita/{i}", f"<html><head><title>T{i}</title></head><body><p>{BODY}</p></body></html>")
             for i in range(3)]
    whole = tmp_path / "crawl.warc.gz"
    _warc(whole, pages)
    docs = list(read_paths([whole]))
    assert [d.url for d in docs] == [u for u, _ in pages]
    assert all(isinstance(d, RawDocument) and d.html for d in docs)
    assert len({d.id for d in docs}) == 3

    truncated = tmp_path / "cut.warc.gz"
    data = whole.read_bytes()
    truncated.write_bytes(data[: int(len(data) * 0.8)])
    items = list(read_paths([truncated]))
    assert isinstance(items[-1], Rejected)
    assert "truncated or corrupt archive" in items[-1].reason
    assert all(isinstance(i, RawDocument) for i in items[:-1]) and len(items) >= 2


def test_gzip_bomb_record_is_refused(tmp_path: Path):
    huge = "<html><body>" + "a" * (25 * 1024 * 1024) + "</body></html>"
    path = tmp_path / "bomb.warc.gz"
    _warc(path, [("https://x.example/bomb", huge), ("https://x.example/ok", f"<html><body><p>{BODY}</p></body></html>")])
    assert path.stat().st_size < 1024 * 1024  # it compresses to almost nothing
    items = list(read_paths([path]))
    assert isinstance(items[0], Rejected) and "larger than" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_not_a_warc(tmp_path: Path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a web archive\n" * 10))
    items = list(read_paths([path]))
    assert len(items) == 1 and isinstance(items[0], Rejected)


def test_gzip_inputs_are_read_by_their_inner_extension(tmp_path: Path):
    assert format_of(Path("a.jsonl.gz")) == "jsonl" and format_of(Path("a.TXT.gz")) == "txt"
    assert format_of(Path("a.gz")) is None
    (tmp_path / "one.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    (tmp_path / "many.jsonl.gz").write_bytes(gzip.compress(
        "\n".join(json.dumps({"id": f"g{i}", "text": BODY}) for i in range(3)).encode()))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    items = list(read_paths([tmp_path]))
    docs = sorted(d.id for d in items if isinstance(d, RawDocument))
    assert docs == ["g0", "g1", "g2", "one"]
    [broken] = [r for r in items if isinstance(r, Rejected)]
    assert "broken.txt.gz" in broken.source and "gzip" in broken.reason


def test_cut_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path: Path):
    data = gzip.compress("\n".join(json.dumps({"id": f"c{i}", "text": BODY + str(i)}) for i in range(200)).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(read_paths([tmp_path / "cut.jsonl.gz"]))
    assert isinstance(items[-1], Rejected) and "corrupt or truncated gzip after line" in items[-1].reason
    assert len(items) > 1 and all(isinstance(i, RawDocument) for i in items[:-1])


def test_nesting_depth_counts_explicit_tags_only():
    from kabar.read.markup import nesting_depth, too_deep

    assert nesting_depth("<div><p>a<p>b<ul><li>x<li>y</ul></div>") == 2  # p and li close themselves
    assert nesting_depth("<div>" * 10 + "</div>" * 10) == 10
    assert nesting_depth("<script>" + "<div>" * 500 + "</script><b>x</b>") == 1
    assert too_deep("<span>" * 257) and too_deep("<span>" * 256) is None


def test_jsonl_published_must_be_a_calendar_date():
    from kabar.read import parse_record

    def reason(published):
        item = parse_record({"id": "d", "text": BODY, "published": published}, "f:1")
        return item.reason if isinstance(item, Rejected) else None

    for good in ("2025-01-14", "2025-01-14T08:00:00+07:00", "2025-01", "2025", "9999-12-31"):
        assert reason(good) is None, good
    for bad in ("0000-01-01", "2025-02-30", "2025-13", "14/01/2025", "kemarin"):
        assert "field 'published' is not a date" in reason(bad), bad


def test_mixed_utf8_and_cp1252_lines_each_decode_right():
    from kabar.read.decode import decode_bytes

    data = "Café “Sederhana” tutup.\n".encode("cp1252") + "Kafé ’Lain’ buka.\n".encode() + b"plain ascii\n"
    text, encoding = decode_bytes(data)
    assert text.splitlines() == ["Café “Sederhana” tutup.", "Kafé ’Lain’ buka.", "plain ascii"]
    assert encoding == "utf-8+cp1252"
    legacy = "Menteri menyebut défisit turun.\n".encode("cp1252") * 3
    assert decode_bytes(legacy)[0].startswith("Menteri menyebut défisit")


def test_article_text_over_the_limit_is_refused(tmp_path: Path):
    from kabar.read.limits import MAX_TEXT_CHARS

    (tmp_path / "huge.txt").write_text(BODY + "\n" + "kata " * (MAX_TEXT_CHARS // 5 + 1), encoding="utf-8")
    [item] = read_paths([tmp_path / "huge.txt"])
    assert isinstance(item, Rejected) and item.reason.startswith("article text too large")


def test_bounded_lines_skip_an_overlong_line_and_go_on():
    from kabar.read.streams import bounded_lines

    stream = io.BytesIO(b"short\n" + b"x" * 5000 + b"\nnext\nlast")
    assert list(bounded_lines(stream, 100)) == [(1, b"short\n"), (2, 5001), (3, b"next\n"), (4, b"last")]
