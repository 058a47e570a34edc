"""The fuzz target, shared by the atheris harness and the regression test that replays findings.

``run_one`` takes one input file through every per-item step of ``kabar ingest`` short of the
database: read, clean, annotate, cluster, brief. It returns one outcome line per item and lets
any unexpected exception through: that is what a fuzzer reports as a crash.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
from pathlib import Path

from kabar.brief import build_brief
from kabar.clean import CleanError
from kabar.cluster import StoryIndex
from kabar.cluster.index import load_params
from kabar.pipeline import prepare
from kabar.read import read_paths
from kabar.records import RawDocument, Rejected

# The fuzzed formats and the file name ending that selects each reader.
SUFFIXES = {"txt": ".txt", "html": ".html", "jsonl": ".jsonl", "warc": ".warc", "gz": ".warc.gz",
            "jsonlgz": ".jsonl.gz"}

_ARTICLE = ("JAKARTA - Banjir merendam tiga kecamatan di Jakarta Utara pada Selasa (14/1/2025).\n"
            "\"Kami sudah menyiapkan dapur umum,\" kata Wali Kota Hendra Wibowo kepada wartawan.\n"
            "Menurut BPBD, ketinggian air mencapai satu meter. Baca juga: Harga Cabai Naik\n")
_HTML = ("<html><head><title>Banjir Jakarta</title><meta name='date' content='2025-01-14'></head><body>"
         "<nav><a href='/'>Beranda</a> <a href='/n'>Nasional</a></nav><article><h1>Banjir Jakarta</h1>"
         + "".join(f"<p>{line}</p>" for line in _ARTICLE.splitlines()) + "</article></body></html>")


def run_one(path: Path, fmt: str) -> list[str]:
    """Outcome lines for one input file; raises on anything that is not a clean refusal."""
    outcomes = []
    for item in read_paths([path]):
        if isinstance(item, Rejected):
            line = item.line()
            if "\n" in line or not item.reason.strip():
                raise AssertionError(f"a reason must be one non-empty line: {line!r}")
            outcomes.append(f"rejected {line}")
            continue
        outcomes.append(f"read {item.id}")
        _process(item, outcomes)
    return outcomes


def _process(doc: RawDocument, outcomes: list[str]) -> None:
    try:
        article = prepare(doc)
    except CleanError as error:
        outcomes.append(f"refused {doc.id}: {error}")
        return
    index = StoryIndex(_cluster_params())
    assignment = index.add(article)
    build_brief(assignment.story, [article], assignment.storyline)
    outcomes.append(f"stored {doc.id} in {assignment.story}")


@functools.cache
def _cluster_params() -> dict:
    # Read once: the packaged parameters file can be rewritten while a long fuzz run goes on
    # (a retrained model), and a half-written file is not the input's fault.
    return load_params()


def _warc_bytes(pages: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return out.getvalue()


def seed_inputs(fmt: str) -> list[bytes]:
    """A few valid inputs of the format, for the fuzzer to mutate from."""
    jsonl = "\n".join(json.dumps(r) for r in (
        {"id": "a1", "text": _ARTICLE, "published": "2025-01-14", "outlet": "Warta"},
        {"id": "a2", "html": _HTML, "url": "https://warta.example/a2"},
        {"id": 3, "text": "x"})).encode()
    pages = [("https://warta.example/1", _HTML), ("https://warta.example/2", _HTML.replace("Jakarta", "Bekasi"))]
    return {
        "txt": [_ARTICLE.encode(), _ARTICLE.encode("utf-16"), ("Beranda\n" + _ARTICLE).encode("cp1252", "replace")],
        "html": [_HTML.encode(), b"<html><body><div><p>" + _ARTICLE.encode() + b"</p>"],
        "jsonl": [jsonl],
        "warc": [_warc_bytes(pages, gz=False)],
        "gz": [_warc_bytes(pages, gz=True)],
        "jsonlgz": [gzip.compress(jsonl)],
    }[fmt]


def write_seeds(fmt: str, folder: Path) -> None:
    for number, data in enumerate(seed_inputs(fmt)):
        (folder / f"seed-{number}").write_bytes(data)
