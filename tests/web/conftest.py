"""A real SQLite database with the sample corpus and hostile articles, and a real `kabar serve`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kabar.pipeline import Pipeline
from kabar.records import Article, EntityMention, Quote
from kabar.store import Store

from ..conftest import EXAMPLES

SCRIPT = "<script>window.__pwned = 1; alert('pwned')</script>"
IMAGE = '<img src=x onerror="window.__pwned = 1">'
# Article text is untrusted: these must show as text on every page and never run.
HOSTILE = {
    "id": "hostile-1",
    "outlet": f"Kabar {IMAGE}",
    "url": "javascript:window.__pwned=1",
    "published": "2025-03-04",
    "title": f"Banjir bandang {SCRIPT} melanda Lembah Hijau",
    "text": (f"LEMBAH HIJAU - Banjir bandang {SCRIPT} melanda tiga desa di Lembah Hijau pada Selasa (4/3/2025) "
             f"dini hari setelah hujan deras sejak sore. \"Air naik sangat cepat {IMAGE} dan warga tidak sempat "
             "menyelamatkan barang,\" kata Kepala Desa Sukamaju Darmawan Sitompul kepada wartawan.\n"
             "Badan Penanggulangan Bencana Daerah mencatat 120 rumah terendam dan dua jembatan putus. "
             "Petugas mengevakuasi warga lanjut usia dengan perahu karet sejak pagi."),
}


def hostile_entity_article() -> Article:
    """An article whose entity name and quote carry markup, written the way the pipeline stores one."""
    name = f"Tuan {SCRIPT}"
    return Article(
        id="hostile-2", source="tests/web", language="id", content_hash="hostile-2-hash",
        title=f"Pernyataan {IMAGE}", outlet="Kabar Uji", published="2025-03-05",
        body=(f"{name} berkata bahwa \"semua {IMAGE} aman\" di depan wartawan.",),
        entities=(EntityMention(id="per:tuan-script", name=name, type="PER", mentions=(name,)),),
        quotes=(Quote(text=f"semua {IMAGE} aman", speaker=name, speaker_id="per:tuan-script", cue="berkata",
                      paragraph=0),),
        story="s-hostile-2",
    )


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("web")
    feed = folder / "hostile.jsonl"
    feed.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    store = Store(url)
    Pipeline(store).ingest_paths([str(EXAMPLES), str(feed)])
    store.save_batch([hostile_entity_article()], {"s-hostile-2": None}, {})
    store.close()
    return url


@pytest.fixture(scope="session")
def web_store(web_db: str) -> Store:
    return Store(web_db)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_db: str, tmp_path_factory) -> str:
    """`kabar serve` in a subprocess on a free loopback port; yields its base URL."""
    port = _free_port()
    kabar = Path(sys.executable).parent / "kabar"
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w")
    process = subprocess.Popen([str(kabar), "serve", "--host", "127.0.0.1", "--port", str(port), "--db", web_db],
                               stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "KABAR_API_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/stories?limit=1", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"kabar serve did not start (see {log.name})")
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(10)
    log.close()
