"""The HTML path's fast paths answer exactly as trafilatura's own steps: the page tree equals
the one trafilatura's load_html builds, and read_html's text and metadata equal what trafilatura
hands back when it parses the page itself and reads its metadata with extract_metadata."""

from __future__ import annotations

import json

import lxml.html
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.metadata import extract_metadata
from trafilatura.utils import INVALID_XML_CHARS, load_html, repair_faulty_html

from kabar.clean.html import (
    DATE_PARAMS, TRAFILATURA_OPTIONS, _repaired, has_invalid_xml_chars, page_metadata, page_tree, read_html,
)

from .conftest import FIXTURES, shared_path

URL = "https://warta.example/berita/1"

# Markup trafilatura reads along its side roads: no <html> at all, a lone fragment, an XML
# declaration (lxml refuses it in a str: the bytes fallback), a self-closing <html/>, a broken
# doctype, control characters libxml2 would reject, and nothing.
ODD_MARKUP = [
    "<p>Satu paragraf saja.</p>",
    "<div><p>Dua</p><p>paragraf</p></div>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Berita dengan deklarasi XML.</p></body></html>',
    "<html/><body><p>Halaman rusak</p></body>",
    "<!DOCTYPE html/ >\n<html><body><p>Doctype aneh</p></body></html>",
    "<html><body><p>Huruf\x00 kendali\x0b di \ufffe sini</p></body></html>",
    "bukan HTML sama sekali",
    "",
    "<html><head><title>Judul</title></head></html>",
    "<html><body><form><input value='x'><select><option>a</option></select></form><p>isi</p></body></html>",
]


# Pieces of markup, put together at random: the repair's and the parser's corner cases meet.
PIECES = ["<!DOCTYPE html>", "<!doctype html/ >", "<?xml version='1.0' encoding='utf-8'?>", "<html>", "<html/>",
          "</html>", "<head>", "<title>Judul</title>", "<meta charset='iso-8859-1'>", "</head>", "<body>",
          "</body>", "<p>", "</p>", "<div class='artikel'>", "</div>", "<br/>", "<!-- komentar -->", "\n",
          "Berita hari ini", " ", "\x00", "\x0b", "\x1f", "\ufffe", "\uffff", "é", "<", ">", "&amp;", "&nbsp;",
          "<script>var x = '<p>';</script>", "<form><input value='a'></form>"]
markup = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _dev_pages(limit: int = 30):
    data = shared_path("extraction-dev")
    for pid in sorted(json.loads((data / "ground-truth.json").read_text(encoding="utf-8")))[:limit]:
        yield pid, (data / "html" / f"{pid}.html").read_text(encoding="utf-8", errors="replace")


def _fixture_pages():
    for path in sorted(FIXTURES.glob("*.html")):
        yield path.name, path.read_text(encoding="utf-8")


def _same_tree(ours, theirs) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_page_tree_is_trafilatura_tree_on_odd_markup():
    for html in ODD_MARKUP:
        assert _same_tree(page_tree(html), load_html(html)), html


def test_invalid_character_check_agrees_with_trafilatura_on_every_character():
    # every BMP code point (surrogates included) and a few beyond, alone and inside text
    for code in [*range(0x10000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        assert has_invalid_xml_chars(char) == bool(INVALID_XML_CHARS.search(char)), hex(code)
        assert has_invalid_xml_chars(f"<p>berita {char} hari ini</p>") == bool(INVALID_XML_CHARS.search(char)), hex(code)


def test_repair_is_trafilatura_repair():
    for name, html in [*_fixture_pages(), *_dev_pages(), *((m, m) for m in ODD_MARKUP)]:
        for variant in (html, html.replace("\n", "", 3), "<!doctype html/>" + html, html + "\x0c"):
            beginning = variant[:50].lower()
            assert _repaired(variant, beginning) == repair_faulty_html(variant, beginning), name


@settings(max_examples=300, deadline=None)
@given(markup)
def test_page_tree_is_trafilatura_tree_on_any_markup(html):
    assert _same_tree(page_tree(html), load_html(html))
    beginning = html[:50].lower()
    assert _repaired(html, beginning) == repair_faulty_html(html, beginning)


def test_page_tree_is_trafilatura_tree_on_real_pages():
    compared = 0
    for name, html in [*_fixture_pages(), *_dev_pages(90)]:
        assert _same_tree(page_tree(html), load_html(html)), name
        compared += 1
    assert compared >= 90


def test_page_tree_elements_are_html_elements():
    # trafilatura takes a tree only as lxml.html's HtmlElement (anything else is parsed again
    # or refused), and reads text_content() from its elements
    tree = page_tree((FIXTURES / "halaman.html").read_text(encoding="utf-8"))
    assert all(isinstance(el, lxml.html.HtmlElement) for el in tree.iter())
    assert tree.find(".//body").text_content().strip()


def test_read_html_equals_trafilatura_on_its_own_parse():
    compared = 0
    for name, html in [*_fixture_pages(), *_dev_pages()]:
        page = read_html(html, URL)
        doc = trafilatura.bare_extraction(html, url=URL, include_comments=False, **TRAFILATURA_OPTIONS)
        if doc is None:
            assert page.extracted == "", name
            continue
        meta = extract_metadata(load_html(html), URL, DATE_PARAMS)
        assert page.extracted == (doc.text or ""), name
        for field in ("title", "sitename", "date", "author", "url"):
            assert getattr(page, field) == (getattr(meta, field) or None), (name, field)
        compared += 1
    assert compared >= 30


def test_spare_tree_author_search_prunes_the_tree_and_finds_the_same_author():
    found = shrunk = 0
    for name, html in _dev_pages():
        kept, spare = page_tree(html), page_tree(html)
        before = len(list(spare.iter()))
        read_only = page_metadata(kept, URL)
        pruned = page_metadata(spare, URL, tree_is_spare=True)
        for field in ("title", "author", "url", "date", "sitename"):
            assert getattr(read_only, field) == getattr(pruned, field), (name, field)
        assert len(list(kept.iter())) == before  # the read-only path leaves the tree whole
        found += bool(pruned.author)
        shrunk += len(list(spare.iter())) < before
    assert found >= 3
    assert shrunk >= 3  # the spare trees were searched in place
