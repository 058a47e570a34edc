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
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
MB = 1024 * 1024

# The well-formed report tests/test_cli.py ingests; the large and broken inputs are built from it.
ARTICLE = (ROOT / "tests" / "data" / "good_article.txt").read_text(encoding="utf-8")


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


def _warc_gz(path: Path, pages: list[tuple[str, io.BufferedIOBase]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, payload in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))


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
    lines = article("Pati").splitlines()
    add("malformed.html", "stored", "malformed HTML (unclosed and stray tags, a tag inside a tag, cut comment, CDATA)",
        f"<html<head><title>Banjir Pati</title></head><body <div class=nav>Beranda | Nasional</div><h1>{lines[1]}<h2>\n"
        + "".join(f"<p class=x>{line}</span></td><b><i>\n" for line in lines[2:6])
        + "</p></div></table><!-- unclosed comment <script>var a='</script' <![CDATA[ x ]]> <p =>")
    links = "".join(f'<a href="https://warta.example/berita/{i}">Berita {i}</a> ' for i in range(100_000))
    add("links-100k.html", "stored", "HTML with 100,000 links",
        f"<html><body><nav>{links}</nav><article><p>{article('Blora')}</p></article></body></html>")
    bomb_size = max(int(1024 * MB * scale), 60 * MB)
    bomb_page = folder.parent / "bomb-page.html"  # the inflated page, on disk: never all in memory
    _write_text_of_size(bomb_page, bomb_size, "a" * 1023 + "\n")
    with bomb_page.open("rb") as big_page:
        _warc_gz(add("bomb.warc.gz", "record larger than", "compressed bomb in .warc.gz"),
                 [("https://warta.example/bomb", big_page),
                  ("https://warta.example/ok", io.BytesIO(f"<html><body><article><p>{article('Rembang')}</p></article></body></html>".encode()))])
    bomb_page.unlink()
    _gzip_bomb(add("bomb.txt.gz", "decompresses to more than", "compressed bomb in .gz (text)"), bomb_size)
    _gzip_bomb(add("bomb-line.jsonl.gz", "line too long", "compressed bomb in .jsonl.gz (one endless line)"),
               bomb_size, line=b"x" * 1024)
    add("invalid-utf8.txt", "stored", "invalid UTF-8 bytes in an otherwise UTF-8 file",
        article_with("Tegal", b"\xff\xfe\xc3\x28 Warga \xe2\x82 mengungsi ke balai desa.\n"))
    add("mixed-encodings.txt", "stored", "UTF-8 and cp1252 lines mixed in one file",
        article_with("Brebes", "Warung Café “Sederhana” di dekat alun-alun ditutup sejak pagi.\n".encode("cp1252")
                     + "Kafé ’Lain’ di seberangnya tetap buka bagi para pengungsi.\n".encode()))
    add("nul-bytes.txt", "stored", "NUL bytes inside the text", article("Batang").replace(" ", " \x00", 40))
    add("long-line.txt", "stored", "a long line (a 900 KB paragraph, no newline) after an article",
        article("Pemalang") + "kata " * (180_000 if scale >= 1 else 30_000))
    add("long-line-5mb.txt", "article text too large", "a 5 MB line in a .txt file",
        article("Purworejo") + "kata " * (MB if scale >= 1 else 220_000))
    with (folder / "big-article.txt").open("w", encoding="utf-8") as out:  # real lines, many of them
        for number in range(int(3 * MB / len(ARTICLE)) + 1):
            out.write(article(f"Kota {number}"))
    items.append(Item("big-article.txt", "article text too large", "a 3 MB text file of ordinary lines"))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", help="comma-separated file names to run (default: all)")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args()
    kabar = str(ROOT / ".venv" / "bin" / "kabar")
    work = args.keep or Path(tempfile.mkdtemp(prefix="kabar-bad-"))
    folder = work / "in"
    started = time.monotonic()
    items = make_bad_inputs(folder, args.scale)
    generated = time.monotonic() - started
    files = sorted(p for p in folder.iterdir() if not args.only or p.name in args.only.split(","))
    runs = []
    for file in files:
        db = f"sqlite:///{work / (file.name + '.db')}"
        result = _measured_ingest(kabar, [str(file)], db)
        result["file"], result["bytes"] = file.name, file.stat().st_size
        result["cases"] = [{"item": i.name, "what": i.what, "expect": i.expect} for i in items
                           if i.name.split(":")[0] == file.name]
        runs.append(result)
        print(json.dumps({k: result[k] for k in ("file", "seconds", "peak_rss_mb", "summary")}), flush=True)
    whole = None
    if not args.only:
        whole = _measured_ingest(kabar, [str(folder)], f"sqlite:///{work / 'all.db'}")
        print(json.dumps({"whole folder": whole["summary"], "seconds": whole["seconds"]}), flush=True)
    reader_only = None
    huge = folder / "huge-1gb.jsonl"
    if huge in files:
        reader_only = _measured_reader(huge)
        print(json.dumps({"reader only": reader_only}), flush=True)
    report = {"scale": args.scale, "generate_seconds": round(generated, 1), "load": os.getloadavg(),
              "runs": runs, "whole_folder": whole, "jsonl_reader_only": reader_only}
    if args.only and args.scale == 1.0 and (RESULTS / "bad_input.json").exists():
        # A partial rerun replaces those files' rows in the committed full run.
        earlier = json.loads((RESULTS / "bad_input.json").read_text())
        rerun = {run["file"] for run in runs}
        report = {**earlier, "runs": sorted([r for r in earlier["runs"] if r["file"] not in rerun] + runs,
                                            key=lambda r: r["file"]),
                  "rerun": sorted(rerun), "rerun_load": os.getloadavg(),
                  "jsonl_reader_only": reader_only or earlier["jsonl_reader_only"]}
    if args.scale == 1.0 and (not args.only or "rerun" in report):
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "bad_input.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
        (RESULTS / "bad_input.md").write_text(render(report))
    if not args.keep:
        for path in sorted(work.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        work.rmdir()


# Runs `kabar ingest` as its only child and reports that child's peak RSS exactly.
_WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
            "print('peak_rss_kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
            "sys.exit(r.returncode)")


def _measured_ingest(kabar: str, paths: list[str], db: str) -> dict:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, kabar, "ingest", *paths, "--db", db],
                          capture_output=True, text=True, errors="replace")
    seconds = time.monotonic() - started
    err_lines = proc.stderr.splitlines()
    peak = next(int(l.split()[1]) for l in err_lines if l.startswith("peak_rss_kib "))
    return {"seconds": round(seconds, 2), "returncode": proc.returncode, "peak_rss_mb": peak // 1024,
            "summary": next((l for l in proc.stdout.splitlines() if l.startswith("ingested ")), None),
            "rejected": [l.removeprefix("rejected ") for l in err_lines if l.startswith("rejected ")],
            "errors": [l for l in err_lines if "Traceback" in l or "Error:" in l][:5]}


def _measured_reader(path: Path) -> dict:
    # VmHWM: the peak of this process alone (ru_maxrss would include the forking parent's).
    code = ("import re, sys, time; from kabar.read import read_paths; t = time.monotonic(); "
            "n = sum(1 for _ in read_paths([sys.argv[1]])); "
            "hwm = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1)); "
            "print(n, round(time.monotonic() - t, 1), hwm // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    items, seconds, peak = out.stdout.split()
    return {"file": path.name, "bytes": path.stat().st_size, "items": int(items), "seconds": float(seconds),
            "peak_rss_mb": int(peak)}


def _reason_of(case: dict, run: dict) -> str:
    name = case["item"]
    for line in run["rejected"]:
        source = line.split(": ", 1)[0]
        if source.endswith("/" + name) or any(f"/{name}{mark}" in source for mark in " #:"):
            return line.split(": ", 1)[1]
    return "(stored)" if case["expect"] != "duplicate" else "(counted as a duplicate)"


def render(report: dict) -> str:
    load = ", ".join(f"{x:.2f}" for x in report["load"])
    out = ["# Bad input through `kabar ingest` (bench/bad_input.py)", "",
           "`.venv/bin/python bench/bad_input.py` (full sizes). Each file is ingested alone into a fresh",
           "SQLite database; time and peak RSS are of that `kabar ingest` process. The machine has 2 cores",
           f"shared with other engineers' jobs (load average at the end: {load}): times are lower bounds.", "",
           "| file | size | seconds | peak RSS MB | summary |", "| --- | --- | --- | --- | --- |"]
    for run in report["runs"]:
        size = f"{run['bytes'] / MB:.1f} MB" if run["bytes"] >= MB else f"{run['bytes']} B"
        out.append(f"| {run['file']} | {size} | {run['seconds']} | {run['peak_rss_mb']} | {run['summary']} |")
    out += ["", "## What \"too big\" means (src/kabar/read/limits.py)", "",
            "- a .txt/.html file over 50 MiB, or a .gz that inflates past 50 MiB: refused unread (a bomb never inflates past the limit);",
            "- one article's text over 1 million characters (real news: at most ~100 KB): refused, since cleaning and",
            "  annotating 1 MB of text takes ~25 s and 5 MB took 80 s and 600 MB;",
            "- one JSONL line or WARC record over 20 MiB: refused, read in bounded pieces, the rest of the file goes on;",
            "- HTML nested deeper than 256 elements (libxml2's limit, past which the parser silently drops the rest): refused;",
            "- a JSONL file has no size limit: it streams, one bounded line at a time.",
            "", "## The reason line of each case", "", "| case | item | expected | reason |", "| --- | --- | --- | --- |"]
    for run in report["runs"]:
        for case in run["cases"]:
            reason = _reason_of(case, run).replace("|", "\\|")
            out.append(f"| {case['what']} | {case['item']} | {case['expect']} | {reason} |")
    if report.get("rerun"):
        out += ["", f"Rerun alone after a change of input (not in the one-ingest line below): {', '.join(report['rerun'])}."]
    if report["whole_folder"]:
        whole = report["whole_folder"]
        out += ["", f"All files in one ingest: {whole['summary']} ({whole['seconds']} s, peak RSS {whole['peak_rss_mb']} MB)."]
    if report["jsonl_reader_only"]:
        r = report["jsonl_reader_only"]
        out += ["", f"The reader alone over {r['file']} ({r['bytes'] / MB:.0f} MB): {r['items']} records in "
                f"{r['seconds']} s, peak RSS {r['peak_rss_mb']} MB."]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
