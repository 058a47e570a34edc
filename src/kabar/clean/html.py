"""What a saved HTML page offers the clean stage: its visible lines, trafilatura's opinion of
each line, and the page's own metadata (title, site name, date, author)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import set_date_params

from kabar.clean.lines import Line, html_lines, trafilatura_tree


# fast: no second opinion from readability/jusText (bench/extraction.py: same F1 on
# extraction-dev, half the time), and kabar's own line judge already stands in when
# trafilatura finds nothing.
TRAFILATURA_OPTIONS = {"fast": True}
DATE_PARAMS = set_date_params(extensive=False)


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


def page_metadata(tree, url: str | None = None):
    """trafilatura's ``extract_metadata`` up to the site name, in its order and with its
    helpers, without the categories, tags and licence it would look for next: kabar reads
    none of them, and they cost a third of the metadata time (tests/clean/test_html_metadata.py
    holds the fields kabar reads equal to trafilatura's own on real pages). The tree is only
    read, so trafilatura's extraction needs no copy of it for this."""
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
    if not meta.author:
        meta.author = m.extract_author(tree)
    if not meta.url:
        meta.url = m.extract_url(tree, url)
    if meta.url:
        meta.hostname = m.extract_domain(meta.url, fast=True)
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
    meta.filedate = DATE_PARAMS.get("max_date")
    meta.clean_and_trim()
    return meta


def read_html(html: str, url: str | None = None) -> HtmlPage:
    # One parse serves all: our line walk and the metadata read the tree, trafilatura's
    # extraction works on its own copy.
    tree = trafilatura_tree(html)
    lines = html_lines(tree if tree is not None else html)  # a fragment trafilatura refuses still has lines
    doc = None
    try:
        doc = trafilatura.bare_extraction(tree if tree is not None else html, url=url, include_comments=False,
                                          **TRAFILATURA_OPTIONS)
    except Exception:  # trafilatura raises assorted errors on broken markup; the lines still count
        doc = None
    if doc is None or tree is None:  # no article text: trafilatura would hand back no metadata either
        return HtmlPage(lines, "")
    meta = page_metadata(tree, url)
    return HtmlPage(
        lines=lines,
        extracted=doc.text or "",
        title=meta.title or None,
        sitename=meta.sitename or None,
        date=meta.date or None,
        author=meta.author or None,
        url=meta.url or None,
    )
