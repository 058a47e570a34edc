"""What a saved HTML page offers the clean stage: its visible lines, trafilatura's opinion of
each line, and the page's own metadata (title, site name, date, author)."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import set_date_params
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, is_dubious_html, repair_faulty_html

from kabar.clean.lines import Line, html_lines


# fast: no second opinion from readability/jusText (bench/extraction.py: same F1 on
# extraction-dev, half the time), and kabar's own line judge already stands in when
# trafilatura finds nothing. The other documented options cost nothing here or move F1:
# favor_recall/favor_precision skip trafilatura's recall retry but lose F1 (0.965/0.940 for
# 0.968), include_tables=False changes three pages for no time.
TRAFILATURA_OPTIONS = {"fast": True}
DATE_PARAMS = set_date_params(extensive=False)

# trafilatura's parser settings (trafilatura.utils.HTML_PARSER), with one difference: lxml.html's
# own parser asks a Python method which class each element gets, every time Python touches an
# element (a quarter of a million calls over 90 pages, ~6% of the HTML path); lxml's C-level
# default lookup hands out the same HtmlElement. Only <form>/<input>-like elements lose their
# form helpers, which neither trafilatura nor kabar call. tests/clean/test_html_speed_paths.py
# holds the trees equal to trafilatura's own.
PAGE_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                               remove_comments=True, remove_pis=True)
PAGE_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))


@dataclass
class HtmlPage:
    lines: list[Line]
    extracted: str  # trafilatura's main text ("" when it found none)
    title: str | None = None
    sitename: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def page_tree(html: str):
    """The tree trafilatura's ``load_html`` builds from this markup (its repairs, its parser
    settings, its bytes fallback, its refusal of what is not HTML: None), parsed with
    PAGE_PARSER."""
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = _repaired(html, beginning)
    tree, parsed_bytes = None, False
    try:
        tree = lxml.html.fromstring(html, parser=PAGE_PARSER)
    except ValueError:  # a str with an encoding declaration: lxml wants bytes
        tree, parsed_bytes = _tree_from_bytes(html), True
    except Exception:  # as trafilatura: whatever libxml2 chokes on is no tree
        tree = None
    if (tree is None or len(tree) < 1) and not parsed_bytes:
        tree = _tree_from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


# The characters trafilatura's repair deletes (trafilatura.utils.INVALID_XML_CHARS): C0 controls
# but tab, newline and carriage return, and U+FFFE/U+FFFF. In UTF-8 the controls are single bytes
# no other character's encoding contains.
CONTROL_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))


def has_invalid_xml_chars(html: str) -> bool:
    encoded = html.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, CONTROL_BYTES)) != len(encoded) or "\ufffe" in html or "\uffff" in html


def _repaired(html: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html``. Its first step, a regex pass over the whole page
    deleting characters XML forbids, finds none on nearly every page and costs a quarter of the
    parse: a byte-level check at half its cost tells those pages, which get the two other steps
    only (the doctype and ``<html/>`` fixes, as trafilatura writes them)."""
    if has_invalid_xml_chars(html):
        return repair_faulty_html(html, beginning)
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def _tree_from_bytes(html: str):
    try:
        return lxml.html.fromstring(html.encode("utf8", "surrogatepass"), parser=PAGE_PARSER)
    except Exception:
        return None


def page_metadata(tree, url: str | None = None, *, tree_is_spare: bool = False):
    """trafilatura's ``extract_metadata`` up to the site name, with its helpers and its results,
    without the categories, tags and licence it would look for next: kabar reads none of them,
    and they cost a third of the metadata time (tests/clean/test_html_metadata.py holds the
    fields kabar reads equal to trafilatura's own on real pages). The host name is not read
    either (its first call loads the whole public-suffix list, 0.1 s). The author search, which
    prunes the page, comes last (nothing after it in trafilatura's order reads the author), so
    that when the caller has no further use for the tree (``tree_is_spare``) it prunes the tree
    itself instead of a deep copy of it; otherwise the tree is only read."""
    m = trafilatura_metadata
    meta = m.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = m.extract_meta_json(tree, meta)
    except Exception:  # as trafilatura: bugs in its JSON-LD reader cost the JSON-LD only
        pass
    if not meta.title:
        meta.title = m.extract_title(tree)
    if not meta.url:
        meta.url = m.extract_url(tree, url)
    meta.date = m.find_date(tree, **{**DATE_PARAMS, "url": meta.url})
    if not meta.sitename:
        meta.sitename = m.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")  # a Twitter handle
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url:
        found = m.META_URL.match(meta.url)
        if found:
            meta.sitename = found[1]
    if not meta.author:
        meta.author = _page_author(tree) if tree_is_spare else m.extract_author(tree)
    meta.filedate = DATE_PARAMS.get("max_date")
    meta.clean_and_trim()
    return meta


def _page_author(tree) -> str | None:
    """trafilatura's ``extract_author`` on the tree itself rather than a copy: it prunes it."""
    m = trafilatura_metadata
    author = m.extract_metainfo(m.prune_unwanted_nodes(tree, m.AUTHOR_DISCARD_XPATHS), m.AUTHOR_XPATHS,
                                len_limit=120)
    return m.normalize_authors(None, author) if author else author


def read_html(html: str, url: str | None = None) -> HtmlPage:
    # One parse serves all, in an order that lets each reader use the tree as it is: our line
    # walk reads it, trafilatura's extraction works on its own copy (bare_extraction copies
    # any tree it is handed), and the metadata read comes last, free to prune it.
    tree = page_tree(html)
    lines = html_lines(tree if tree is not None else html)  # a fragment trafilatura refuses still has lines
    doc = None
    try:
        doc = trafilatura.bare_extraction(tree if tree is not None else html, url=url, include_comments=False,
                                          **TRAFILATURA_OPTIONS)
    except Exception:  # trafilatura raises assorted errors on broken markup; the lines still count
        doc = None
    if doc is None or tree is None:  # no article text: trafilatura would hand back no metadata either
        return HtmlPage(lines, "")
    meta = page_metadata(tree, url, tree_is_spare=True)
    return HtmlPage(
        lines=lines,
        extracted=doc.text or "",
        title=meta.title or None,
        sitename=meta.sitename or None,
        date=meta.date or None,
        author=meta.author or None,
        url=meta.url or None,
    )
