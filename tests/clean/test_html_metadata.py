"""kabar reads a page's metadata with trafilatura's own steps minus the ones it never uses
(categories, tags, licence, host name): the fields it reads must equal trafilatura's
extract_metadata."""

import json
from copy import copy

from trafilatura.metadata import extract_metadata

from kabar.clean.html import DATE_PARAMS, page_metadata, read_html
from kabar.clean.lines import trafilatura_tree

from .conftest import FIXTURES, shared_path

FIELDS = ("title", "author", "url", "date", "sitename")


def _pages():
    for path in sorted(FIXTURES.glob("*.html")):
        yield path.name, path.read_text(encoding="utf-8")
    data = shared_path("extraction-dev")
    for pid in sorted(json.loads((data / "ground-truth.json").read_text(encoding="utf-8")))[:30]:
        yield pid, (data / "html" / f"{pid}.html").read_text(encoding="utf-8", errors="replace")


def test_page_metadata_equals_trafilatura_metadata():
    compared = 0
    for name, html in _pages():
        tree = trafilatura_tree(html)
        if tree is None:
            continue
        ours = page_metadata(tree, "https://warta.example/berita/1")
        theirs = extract_metadata(copy(tree), "https://warta.example/berita/1", DATE_PARAMS)
        for field in FIELDS:
            assert getattr(ours, field) == getattr(theirs, field), (name, field)
        compared += 1
    assert compared >= 30


def test_read_html_keeps_the_tree_unchanged_for_the_metadata():
    path = FIXTURES / "halaman_sitename.html"
    page = read_html(path.read_text(encoding="utf-8"), "https://warta.example/a")
    tree = trafilatura_tree(path.read_text(encoding="utf-8"))
    assert page.title == (page_metadata(tree, "https://warta.example/a").title or None)
    assert page.extracted
